using System.Collections.Immutable;

namespace RulesEngine.Reading;

/// <summary>
/// Reads a letter's text into a <see cref="Document"/>: tokens with exact offsets, and the
/// paragraphs, sentences, sections, tables and lists a reader would see, whatever converter
/// produced the text.
/// </summary>
public static class LetterReader
{
    // The scanner's list of lines is kept per thread and reused: growing a fresh list for every
    // letter made garbage. A list that grew for an unusually long letter is let go rather than
    // kept for good. The line objects themselves serve the thread's next letter too (the document
    // keeps none of them).
    private const int KeptCapacity = 1 << 16;
    [ThreadStatic] private static List<ScannedLine>? _lines;
    [ThreadStatic] private static List<ScannedLine>? _spareLines;

    public static Document Read(string name, string text) => Read(name, text, TokenPool.ForOneLetter(text ?? throw new ArgumentNullException(nameof(text))));

    /// <summary>As <see cref="Read(string, string)"/>, taking token objects from <paramref name="pool"/>: the document is valid only until the pool's next letter.</summary>
    internal static Document Read(string name, string text, TokenPool pool) => Read(name, (text ?? throw new ArgumentNullException(nameof(text))).AsMemory(), pool);

    /// <summary>As <see cref="Read(string, string, TokenPool)"/>, for a text decoded into the pool's buffer (<see cref="LetterLoader"/>) or held anywhere else.</summary>
    internal static Document Read(string name, ReadOnlyMemory<char> text, TokenPool pool)
    {
        var lines = _lines ??= new List<ScannedLine>(1024);
        var spare = _spareLines ??= new List<ScannedLine>(1024);
        try
        {
            pool.Begin();
            ScanLines(pool.TextChars(text), text.Length, lines, spare, pool);
            return new StructureBuilder(pool, lines).Build(name, text);
        }
        finally
        {
            for (var i = spare.Count; i < Math.Min(lines.Count, KeptCapacity); i++) spare.Add(lines[i]);
            if (lines.Capacity > KeptCapacity) _lines = null; else lines.Clear();
        }
    }

    /// <param name="spare">Line objects from the thread's earlier letters, taken in order before any is made.</param>
    /// <param name="text">The letter's text in its first <paramref name="length"/> characters.</param>
    private static void ScanLines(char[] text, int length, List<ScannedLine> lines, List<ScannedLine> spare, TokenPool pool)
    {
        var scanner = new LineScanner(text, pool);
        var start = length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var number = 1;
        var i = start;
        while (i <= length)
        {
            // Vectorised: the character loop this replaces was 1.3% of a batch's samples.
            var found = text.AsSpan(i, length - i).IndexOfAny('\n', '\r');
            var end = found < 0 ? length : i + found;
            var line = lines.Count < spare.Count ? spare[lines.Count] : new ScannedLine();
            lines.Add(scanner.Scan(line.Reset(number, i, end)));
            if (end >= length) break;
            i = end + (text[end] == '\r' && end + 1 < length && text[end + 1] == '\n' ? 2 : 1);
            number++;
            if (i == length) break;
        }
    }
}
