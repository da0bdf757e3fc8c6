using System.Text;
using System.Text.RegularExpressions;
using RulesEngine.Reading;

namespace RulesEngine.Tests.Support;

/// <summary>
/// The same letter as other PDF converters would give it. Rules and the reader must find the
/// same things in every variant.
/// </summary>
public static partial class LetterVariants
{
    public static IReadOnlyList<string> Names { get; } =
        ["original", "crlf-bom", "markup-stripped", "hard-wrapped", "page-artefacts", "quotes-swapped", "markdown-headings", "everything"];

    public static string Apply(string variant, string text) => variant switch
    {
        "original" => text,
        "crlf-bom" => CrlfWithBom(text),
        "markup-stripped" => StripMarkup(text),
        "hard-wrapped" => HardWrap(text, 78),
        "page-artefacts" => InsertPageArtefacts(text),
        "quotes-swapped" => SwapQuotes(text),
        "markdown-headings" => MarkdownHeadings(text),
        "everything" => CrlfWithBom(InsertPageArtefacts(HardWrap(SwapQuotes(StripMarkup(text)), 78))),
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
    };

    public static string CrlfWithBom(string text) => "\uFEFF" + text.Replace("\r\n", "\n").Replace("\n", "\r\n");

    [GeneratedRegex(@"</?[a-zA-Z][^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^#+\s+", RegexOptions.Multiline)]
    private static partial Regex MarkdownMark();

    [GeneratedRegex(@"\*([^*\n]+)\*")]
    private static partial Regex Emphasis();

    public static string StripMarkup(string text) =>
        Emphasis().Replace(MarkdownMark().Replace(Tag().Replace(text, ""), ""), "$1");

    /// <summary>Wraps prose lines at word boundaries; tab-separated rows keep their shape, as converters keep table rows.</summary>
    public static string HardWrap(string text, int width)
    {
        var output = new StringBuilder();
        var lines = SplitLines(text, out var newline);
        foreach (var line in lines)
        {
            if (line.Contains('\t') || line.Length <= width)
            {
                output.Append(line).Append(newline);
                continue;
            }
            var current = new StringBuilder();
            foreach (var word in line.Split(' '))
            {
                var startsLikeMarker = word is "-" or "*" or "\u2022" or "" || word.StartsWith('#');
                if (current.Length > 0 && current.Length + 1 + word.Length > width && !startsLikeMarker)
                {
                    output.Append(current).Append(newline);
                    current.Clear();
                }
                else if (current.Length > 0) current.Append(' ');
                current.Append(word);
            }
            output.Append(current).Append(newline);
        }
        return output.ToString().TrimEnd('\r', '\n') + (text.EndsWith('\n') ? newline : "");
    }

    /// <summary>A page break with its footer at every fifteenth blank line, as paginated PDFs leave them.</summary>
    public static string InsertPageArtefacts(string text)
    {
        var lines = SplitLines(text, out var newline);
        var output = new StringBuilder();
        var blanks = 0;
        var page = 1;
        foreach (var line in lines)
        {
            output.Append(line).Append(newline);
            if (line.Trim().Length == 0 && ++blanks % 15 == 0)
            {
                output.Append($"Page {page} of 9").Append(newline).Append('\f').Append(newline);
                page++;
            }
        }
        return output.ToString();
    }

    public static string SwapQuotes(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\'' => '\u2019',
                '\u2019' or '\u2018' => '\'',
                '"' => '\u201C',
                '\u201C' or '\u201D' => '"',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>Every heading the reader finds becomes a Markdown heading, as some converters mark them.</summary>
    public static string MarkdownHeadings(string text)
    {
        var document = LetterReader.Read("variant", text);
        var headingLines = document.Sections.Select(s => document.Tokens[s.Heading.Start].Line).ToHashSet();
        var lines = SplitLines(text, out var newline);
        var output = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (headingLines.Contains(i + 1) && !line.TrimStart().StartsWith('#')) line = "## " + line;
            output.Append(line).Append(newline);
        }
        return output.ToString();
    }

    private static List<string> SplitLines(string text, out string newline)
    {
        newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
