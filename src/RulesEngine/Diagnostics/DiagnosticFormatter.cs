using System.Runtime.CompilerServices;
using System.Text;

namespace RulesEngine.Diagnostics;

/// <summary>Prints diagnostics as compilers do: the stable line, then the source line and a caret under the place.</summary>
public static class DiagnosticFormatter
{
    /// <summary>The most of a source line shown; a longer one is cut around the caret.</summary>
    private const int MaxShown = 120;

    // Where each line of a source begins, found once per source: a file of 100,000 lines with
    // hundreds of warnings was split into lines again for every one of them.
    private static readonly ConditionalWeakTable<string, int[]> LineStarts = [];

    public static string Format(Diagnostic diagnostic, Func<string, string?> sourceOf)
    {
        var text = new StringBuilder(diagnostic.ToString()).Append('\n');
        var location = diagnostic.Location;
        var source = location.Line > 0 ? sourceOf(location.File) : null;
        if (source is null) return text.ToString();
        var starts = LineStarts.GetValue(source, FindLineStarts);
        if (location.Line > starts.Length) return text.ToString();
        var begin = starts[location.Line - 1];
        var end = location.Line < starts.Length ? starts[location.Line] - 1 : source.Length;
        var line = source[begin..end].TrimEnd('\r').Replace('\t', ' ');
        var caretColumn = Math.Clamp(location.Column - 1, 0, line.Length);
        var width = Math.Clamp(location.Length, 1, Math.Max(1, line.Length - caretColumn));
        if (line.Length > MaxShown)
        {
            // A line of a generated file can run to megabytes: show the stretch around the caret.
            var from = Math.Clamp(caretColumn - MaxShown / 2, 0, line.Length - MaxShown);
            line = (from > 0 ? "..." : "") + line.Substring(from, MaxShown) + (from + MaxShown < line.Length ? "..." : "");
            caretColumn = caretColumn - from + (from > 0 ? 3 : 0);
            width = Math.Min(width, MaxShown);
        }
        var gutter = $"{location.Line,5} | ";
        text.Append(gutter).Append(line).Append('\n');
        text.Append(new string(' ', gutter.Length - 2)).Append("| ").Append(new string(' ', caretColumn)).Append('^')
            .Append(new string('~', width - 1)).Append('\n');
        return text.ToString();
    }

    private static int[] FindLineStarts(string source)
    {
        var starts = new List<int> { 0 };
        for (var at = source.IndexOf('\n'); at >= 0; at = source.IndexOf('\n', at + 1)) starts.Add(at + 1);
        return [.. starts];
    }
}
