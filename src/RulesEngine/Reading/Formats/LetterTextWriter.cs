using System.Text;

namespace RulesEngine.Reading.Formats;

/// <summary>
/// Writes a document read from HTML, Word or PDF as the text the engine reads, in the conventions
/// of the converted letters it already understands: a blank line between blocks, `## ` before a
/// heading, `- ` before a list item (indented one level per nesting), a table row as one line of
/// tab-separated cells whose list items open with `•`. Every format's reader writes through this
/// one class, so the line scanner builds the same structure from each, and evidence offsets point
/// into the text that <c>read</c> shows.
/// </summary>
public sealed class LetterTextWriter
{
    private readonly StringBuilder _text = new();

    // Blocks are parted by a blank line, except the rows of one table and the items of one list.
    private enum Group { None, Table, List }

    private Group _group;

    private void Begin(Group group)
    {
        if (_text.Length > 0 && (group == Group.None || group != _group)) _text.Append('\n');
        _group = group;
    }

    public void Heading(string text)
    {
        var line = OneLine(text);
        if (line.Length == 0) return;
        Begin(Group.None);
        _text.Append("## ").Append(line).Append('\n');
    }

    /// <summary>A paragraph; its lines are the hard breaks the document has (`&lt;br&gt;`, Word's breaks, a PDF's lines).</summary>
    public void Paragraph(IEnumerable<string> lines)
    {
        var kept = lines.Select(OneLine).Where(l => l.Length > 0).ToList();
        if (kept.Count == 0) return;
        Begin(Group.None);
        foreach (var line in kept) _text.Append(line).Append('\n');
    }

    public void Paragraph(string text) => Paragraph([text]);

    /// <summary>A list item; consecutive items form one list (no blank line between them).</summary>
    public void ListItem(string text, int level = 1)
    {
        var line = OneLine(text);
        if (line.Length == 0) return;
        Begin(Group.List);
        _text.Append(' ', 2 * Math.Max(0, level - 1)).Append("- ").Append(line).Append('\n');
    }

    /// <summary>One table row. Consecutive rows form one table; <see cref="EndTable"/> or any other block ends it.</summary>
    public void TableRow(IReadOnlyList<TableCellText> cells)
    {
        if (cells.Count == 0 || cells.All(c => c.IsEmpty)) return;
        Begin(Group.Table);
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) _text.Append('\t');
            _text.Append(cells[i].Render());
        }
        _text.Append('\n');
    }

    /// <summary>Ends the table being written, so that the next rows start another one.</summary>
    public void EndTable()
    {
        if (_group == Group.Table) _group = Group.None;
    }

    public override string ToString() => _text.ToString();

    // As the text reader's limit for a title line (StructureBuilder): longer, it is a sentence.
    private const int MaxHeadingWords = 20;

    /// <summary>
    /// Whether a paragraph set wholly in bold (or larger type) reads as a heading: one line of at
    /// most 20 words that does not end like a sentence. Every format's reader asks this one test.
    /// </summary>
    public static bool IsHeadingLike(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed[^1] is '.' or ',' or ';' or ':') return false;
        return trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords;
    }

    /// <summary>White space of every kind (tabs, breaks, no-break spaces) as single spaces: a stray tab or break would start a cell or a line.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            // Zero-width characters and soft hyphens are invisible on the page and would split words.
            if (c is '\u200B' or '\uFEFF' or '\u00AD') continue;
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}

/// <summary>A table cell's text: its paragraphs and list items in document order.</summary>
public sealed record TableCellText(IReadOnlyList<CellPart> Parts)
{
    public static readonly TableCellText Empty = new([]);

    public bool IsEmpty => Parts.All(p => LetterTextWriter.OneLine(p.Text).Length == 0);

    /// <summary>One line: the parts joined by spaces, each list item after a `•`.</summary>
    public string Render() => string.Join(" ", Parts
        .Select(p => (Text: LetterTextWriter.OneLine(p.Text), p.IsListItem))
        .Where(p => p.Text.Length > 0)
        .Select(p => p.IsListItem ? "• " + p.Text : p.Text));
}

public readonly record struct CellPart(string Text, bool IsListItem);
