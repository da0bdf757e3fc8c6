using System.Text.RegularExpressions;

namespace RulesEngine.Reading.Formats.Pdf;

/// <summary>
/// The pages' blocks into the engine's text: lines into paragraphs by the space between them
/// (a gap wider than the line spacing starts a paragraph), headings from weight and size, tables
/// row by row with a row broken across a page joined again, paragraphs broken across a page
/// joined again, and words hyphenated at a line's end rejoined unless the document writes them
/// with a hyphen elsewhere.
/// </summary>
internal sealed partial class TextAssembler
{
    // A line further below the one before than this many times its size starts a new paragraph
    // (single-spaced text advances about 1.2-1.35 em a line; a paragraph gap adds half a line or more).
    private const double ParagraphGap = 1.5;

    [GeneratedRegex(@"^\p{Ll}")]
    private static partial Regex StartsLowerCase();

    [GeneratedRegex(@"\p{L}+(?:-\p{L}+)+")]
    private static partial Regex HyphenatedWord();

    private readonly LetterTextWriter _writer = new();
    private readonly HashSet<string> _hyphenated;
    private readonly double _bodySize;
    private readonly List<PdfLine> _paragraph = [];
    private readonly List<string[]> _rows = [];
    private PageBlock? _last;

    private TextAssembler(List<List<PageBlock>> pages)
    {
        var lines = pages.SelectMany(p => p).SelectMany(AllLines).ToList();
        _hyphenated = lines.SelectMany(l => HyphenatedWord().Matches(l.Text).Select(m => m.Value.ToLowerInvariant())).ToHashSet();
        var sizes = lines.SelectMany(l => l.Words).Select(w => w.Size).Order().ToList();
        _bodySize = sizes.Count > 0 ? sizes[sizes.Count / 2] : 11;
    }

    public static string Assemble(List<List<PageBlock>> pages)
    {
        var assembler = new TextAssembler(pages);
        foreach (var block in pages.SelectMany(p => p)) assembler.Add(block);
        assembler.FlushParagraph();
        assembler.FlushTable();
        return assembler._writer.ToString();
    }

    private static IEnumerable<PdfLine> AllLines(PageBlock block) => block switch
    {
        TextLineBlock text => [text.Line],
        TableBlock table => table.Table.Rows.SelectMany(r => r.Cells).SelectMany(c => c),
        _ => [],
    };

    private void Add(PageBlock block)
    {
        switch (block)
        {
            case TextLineBlock { Line: var line }:
                FlushTable();
                if (_paragraph.Count > 0 && !Continues(_paragraph[^1], line)) FlushParagraph();
                _paragraph.Add(line);
                break;
            case TableBlock { Table: var table }:
                FlushParagraph();
                AddTable(table);
                break;
        }
        _last = block;
    }

    private bool Continues(PdfLine previous, PdfLine line)
    {
        if (previous.Page != line.Page)
        {
            // A paragraph broken by the page: the sentence runs on in lower case.
            var text = previous.Text.TrimEnd();
            return text.Length > 0 && text[^1] is not ('.' or ':' or ';' or '?' or '!') && StartsLowerCase().IsMatch(line.Text);
        }
        var size = Math.Max(previous.Size, line.Size);
        if (previous.Top - line.Top > ParagraphGap * size) return false;
        // A heading set in bold or larger type ends where the body text begins, however close.
        return IsDisplay(previous) == IsDisplay(line);
    }

    private bool IsDisplay(PdfLine line) => line.Bold || line.Size >= 1.15 * _bodySize;

    private void FlushParagraph()
    {
        if (_paragraph.Count == 0) return;
        var columned = _paragraph.FindIndex(l => l.Segments.Count > 1);
        if (columned >= 0)
        {
            // Lines before the first laid out in columns are running text; from it on, a table without rules.
            var table = _paragraph.GetRange(columned, _paragraph.Count - columned);
            _paragraph.RemoveRange(columned, _paragraph.Count - columned);
            FlushParagraph();
            AddAlignedRows(table);
            return;
        }
        var lines = JoinHyphenated(_paragraph.Select(l => l.Text).ToList(), separator: "\n").Split('\n');
        if (lines.Length == 1 && _paragraph.All(IsDisplay) && LetterTextWriter.IsHeadingLike(lines[0])) _writer.Heading(lines[0]);
        else _writer.Paragraph(lines);
        _paragraph.Clear();
    }


    /// <summary>
    /// A table drawn without rules, told by column alignment: a line whose parts start at the first
    /// column's edge begins a row; a line starting further right (a cell's text wrapped onto the next
    /// line) goes on in the cells its parts line up with.
    /// </summary>
    private void AddAlignedRows(List<PdfLine> lines)
    {
        var columns = new List<double>();
        var rows = new List<List<string>[]>();
        foreach (var line in lines)
        {
            var segments = line.Segments;
            var startsRow = rows.Count == 0 || segments.Count > 1 && Math.Abs(segments[0].Left - columns[0]) <= line.Size;
            if (startsRow)
            {
                foreach (var (left, _) in segments)
                    if (!columns.Any(c => Math.Abs(c - left) <= line.Size)) columns.Add(left);
                columns.Sort();
            }
            var cells = startsRow ? NewRow(rows, columns.Count) : rows[^1];
            if (cells.Length < columns.Count) rows[^1] = cells = [.. cells, .. NewRow([], columns.Count - cells.Length)];
            foreach (var (left, text) in segments)
            {
                cells[ColumnOf(columns, left, line.Size)].Add(text);
            }
        }
        foreach (var row in rows)
            _rows.Add([.. row.Take(columns.Count).Select(parts => JoinHyphenated(parts, " ")), .. Enumerable.Repeat("", Math.Max(0, columns.Count - row.Length))]);
        FlushTable();
    }

    /// <summary>The column a part starting at <paramref name="left"/> belongs to: the nearest whose edge is not right of it.</summary>
    private static int ColumnOf(List<double> columns, double left, double size)
    {
        var best = 0;
        for (var i = 1; i < columns.Count; i++)
            if (columns[i] <= left + size && Math.Abs(columns[i] - left) < Math.Abs(columns[best] - left)) best = i;
        return best;
    }

    private static List<string>[] NewRow(List<List<string>[]> rows, int columns)
    {
        var row = Enumerable.Range(0, columns).Select(_ => new List<string>()).ToArray();
        rows.Add(row);
        return row;
    }

    private void AddTable(PdfTable table)
    {
        var rows = table.Rows.Select(r => r.Cells.Select(c => JoinHyphenated(c.Select(l => l.Text.Replace('\t', ' ')).ToList(), " ")).ToArray()).ToList();
        if (rows.Count == 0) return;
        var continuesAcrossPage = _last is TableBlock previous && previous.Page < table.Page && _rows.Count > 0;
        if (continuesAcrossPage && _rows[^1].Length == rows[0].Length && IsRowContinuation(rows[0]))
        {
            // A row the page broke: its cells go on where they stopped.
            var last = _rows[^1];
            for (var c = 0; c < last.Length; c++) last[c] = JoinHyphenated([last[c], rows[0][c]], " ");
            rows.RemoveAt(0);
        }
        else if (!continuesAcrossPage || _rows.Count > 0 && _rows[^1].Length != rows[0].Length)
        {
            FlushTable();
        }
        _rows.AddRange(rows);
    }

    // The first row on a page continues the last one when a cell is empty (its text ended on the
    // page before) or a cell runs on in lower case.
    private static bool IsRowContinuation(string[] row) =>
        row.Any(string.IsNullOrWhiteSpace) || row.Any(c => StartsLowerCase().IsMatch(c.TrimStart()));

    private void FlushTable()
    {
        foreach (var row in _rows) _writer.TableRow(row.Select(c => new TableCellText([new CellPart(c, false)])).ToList());
        if (_rows.Count > 0) _writer.EndTable();
        _rows.Clear();
    }

    /// <summary>Lines joined by <paramref name="separator"/>, except where a word was hyphenated at a line's end.</summary>
    private string JoinHyphenated(List<string> lines, string separator)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (text.Length > 0)
            {
                // Only the text's end is looked at: a long cell's lines are joined without copying what came before.
                if (text.Length >= 2 && text[^1] == '-' && char.IsLetter(text[^2]) && char.IsLower(line[0]))
                {
                    var headStart = text.Length - 2;
                    while (headStart > 0 && char.IsLetter(text[headStart - 1])) headStart--;
                    var head = text.ToString(headStart, text.Length - headStart);
                    var tail = Regex.Match(line, @"^\p{L}+").Value;
                    // "co-" + "ordinated": kept as "co-ordinated" where the letter writes it so elsewhere.
                    if (!_hyphenated.Contains((head + tail).ToLowerInvariant())) text.Length--;
                    text.Append(line);
                    continue;
                }
                text.Append(separator);
            }
            text.Append(line);
        }
        return text.ToString();
    }
}
