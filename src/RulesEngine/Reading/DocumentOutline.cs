using System.Text;

namespace RulesEngine.Reading;

/// <summary>
/// A plain-text outline of how the engine sees a letter: what `rulesengine read` prints, so
/// that an expert can see the sections, tables and lists their rules will be matched against.
/// </summary>
public static class DocumentOutline
{
    private const int Preview = 60;

    public static string Format(Document document)
    {
        var text = new StringBuilder();
        text.Append(document.Name).Append(": ");
        if (document.Format != Formats.LetterFormat.Text) text.Append($"read from {Formats.LetterFormats.Name(document.Format)}, ");
        text.Append($"{document.Tokens.Length} tokens, {document.Lines.Length} lines, ")
            .Append($"{document.Paragraphs.Length} paragraphs, {document.Sentences.Length} sentences\n");
        text.Append($"head: {Describe(document, document.Head)}\n");

        text.Append($"sections ({document.Sections.Length}):\n");
        foreach (var section in document.Sections)
        {
            var paragraphs = document.Paragraphs.Count(p => section.Body.Contains(p.Tokens.Start));
            var sentences = document.Sentences.Count(s => section.Body.Contains(s.Tokens.Start));
            var items = document.ListItems.Count(i => section.Body.Contains(i.Tokens.Start));
            text.Append($"  {Quote(document, section.Heading)} {Where(document, section.Heading)}: ")
                .Append($"{paragraphs} paragraphs, {sentences} sentences, {items} list items\n");
        }

        text.Append($"tables ({document.Tables.Length}):\n");
        foreach (var table in document.Tables)
        {
            var columns = table.Rows.Max(r => r.Cells.Length);
            text.Append($"  table {Where(document, table.Tokens)}: {table.Rows.Length} rows x {columns} columns\n");
            foreach (var row in table.Rows)
            {
                text.Append(row.IsHeader ? "    header: " : "    row:    ");
                text.Append(string.Join(" | ", row.Cells.Select(c =>
                    Quote(document, c.Tokens) + (c.Items.IsEmpty ? "" : $" [{c.Items.Length} items]"))));
                text.Append('\n');
            }
        }

        var looseItems = document.ListItems.Where(i => !document.Tables.Any(t => t.Tokens.Contains(i.Tokens.Start))).ToList();
        text.Append($"list items outside tables ({looseItems.Count}):\n");
        foreach (var item in looseItems)
            text.Append($"  {new string(' ', (item.Level - 1) * 2)}- {Quote(document, item.Tokens)} {Where(document, item.Tokens)}\n");

        text.Append($"figures ({document.Figures.Length}):\n");
        foreach (var figure in document.Figures) text.Append($"  {Shorten(figure.Description)}\n");
        return text.ToString();
    }

    private static string Describe(Document document, TokenRange range) =>
        range.IsEmpty ? "(none: no salutation found)" : $"{Quote(document, range)} {Where(document, range)}";

    private static string Where(Document document, TokenRange range)
    {
        if (range.IsEmpty) return "(empty)";
        var first = document.Tokens[range.Start];
        var last = document.Tokens[range.End - 1];
        return first.Line == last.Line ? $"(line {first.Line})" : $"(lines {first.Line}-{last.Line})";
    }

    private static string Quote(Document document, TokenRange range) => $"\"{Shorten(document.TextOf(range))}\"";

    private static string Shorten(string text) => text.Length <= Preview ? text : text[..(Preview - 3)] + "...";
}
