using System.Collections.Immutable;

namespace RulesEngine.Reading;

/// <summary>
/// Reads a letter's text into a <see cref="Document"/>: tokens with exact offsets, and the
/// paragraphs, sentences, sections, tables and lists a reader would see, whatever converter
/// produced the text.
/// </summary>
public static class LetterReader
{
    public static Document Read(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 5);
        var lines = ScanLines(text, tokens);
        var builder = new StructureBuilder(tokens, lines);
        return builder.Build(name, text);
    }

    private static List<ScannedLine> ScanLines(string text, List<Token> tokens)
    {
        var scanner = new LineScanner(text, tokens);
        var lines = new List<ScannedLine>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var number = 1;
        var i = start;
        while (i <= text.Length)
        {
            var end = i;
            while (end < text.Length && text[end] is not ('\n' or '\r')) end++;
            lines.Add(scanner.Scan(number, i, end));
            if (end >= text.Length) break;
            i = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            number++;
            if (i == text.Length) break;
        }
        return lines;
    }
}
