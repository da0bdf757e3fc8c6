using System.Text;

namespace RulesEngine.Diagnostics;

/// <summary>Prints diagnostics as compilers do: the stable line, then the source line and a caret under the place.</summary>
public static class DiagnosticFormatter
{
    public static string Format(Diagnostic diagnostic, Func<string, string?> sourceOf)
    {
        var text = new StringBuilder(diagnostic.ToString()).Append('\n');
        var location = diagnostic.Location;
        var source = location.Line > 0 ? sourceOf(location.File) : null;
        if (source is null) return text.ToString();
        var lines = source.Split('\n');
        if (location.Line > lines.Length) return text.ToString();
        var line = lines[location.Line - 1].TrimEnd('\r').Replace('\t', ' ');
        var gutter = $"{location.Line,5} | ";
        text.Append(gutter).Append(line).Append('\n');
        var caretColumn = Math.Clamp(location.Column - 1, 0, line.Length);
        var width = Math.Clamp(location.Length, 1, Math.Max(1, line.Length - caretColumn));
        text.Append(new string(' ', gutter.Length - 2)).Append("| ").Append(new string(' ', caretColumn)).Append('^')
            .Append(new string('~', width - 1)).Append('\n');
        return text.ToString();
    }
}
