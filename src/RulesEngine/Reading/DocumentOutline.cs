using System.Text;

namespace RulesEngine.Reading;

/// <summary>
/// A plain-text outline of how the engine sees a letter: what `rulesengine read` prints, so
/// that an expert can see the sections, tables and lists their rules will be matched against.
/// </summary>
public static class DocumentOutline
{
    // Whole lines, as the letter has them: only text longer than this (a whole head or section) is cut.
    private const int Preview = 400;

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

    /// <summary>
    /// Every token with where it is, its class and what rules compare it as: so an analyst sees
    /// that `edhelpline@ofsted.gov.uk` is seven tokens, or that `22.30%` is one percentage.
    /// </summary>
    public static string Tokens(Document document)
    {
        var text = new StringBuilder();
        text.Append($"{document.Name}: {document.Tokens.Length} tokens (line:column  class  text  [compared as, when it differs]  marks)\n");
        foreach (var token in document.Tokens)
        {
            var kind = token.Kind switch
            {
                TokenKind.Word => "word",
                TokenKind.Number => "number",
                TokenKind.Percentage => "percentage",
                TokenKind.Punctuation => "punctuation",
                _ => "symbol",
            };
            var marks = new List<string>();
            if (token.Has(TokenFlags.AllCaps)) marks.Add("all capitals");
            else if (token.Has(TokenFlags.Capitalised)) marks.Add("capitalised");
            if (token.Has(TokenFlags.LineStart)) marks.Add("starts a line");
            if (token.Has(TokenFlags.CellStart)) marks.Add("starts a cell");
            if (token.Has(TokenFlags.Decoded)) marks.Add("character reference");
            // Lower case goes without saying; a quote, dash or reference made plain is shown.
            var norm = token.Norm != token.Text.ToLowerInvariant() ? $"  [{token.Norm}]" : "";
            text.Append($"{token.Line,5}:{token.Column,-4} {kind,-11} {token.Text}{norm}{(marks.Count > 0 ? "  (" + string.Join(", ", marks) + ")" : "")}\n");
        }
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
