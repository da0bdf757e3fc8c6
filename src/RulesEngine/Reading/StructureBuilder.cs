using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace RulesEngine.Reading;

/// <summary>
/// Groups scanned lines into blocks (paragraphs, headings, list items, tables) and derives
/// sections, sentences and the letter head from them.
/// </summary>
internal sealed class StructureBuilder(TokenPool tokens, List<ScannedLine> lines)
{
    private const int MaxHeadingWords = 20;
    private const int WrappedLineLength = 60;

    private readonly List<TextBlock> _blocks = [];
    private readonly List<TableBuilder> _tables = [];
    private readonly List<Figure> _figures = [];

    /// <summary>
    /// Lines grouped into one block. Only its first and last lines are kept, and whether every line
    /// before the last ran to the wrap width: a list of lines per block was 4% of a letter's bytes.
    /// </summary>
    private sealed class TextBlock(BlockKind kind, ScannedLine first)
    {
        public BlockKind Kind { get; set; } = kind;
        public ScannedLine First { get; } = first;
        public ScannedLine Last { get; private set; } = first;
        public bool EarlierLinesWrapped { get; private set; } = true;
        public int Level { get; init; } = 1;
        public TokenRange Tokens => new(First.FirstToken, Last.TokenEnd);

        public void Add(ScannedLine line)
        {
            EarlierLinesWrapped &= Last.End - Last.Start >= WrappedLineLength;
            Last = line;
        }
    }

    private enum BlockKind { Paragraph, Heading, ListItem }

    public Document Build(string name, ReadOnlyMemory<char> text)
    {
        GroupLines(text.Span);
        var (salutation, closing) = FindSalutationAndClosing();
        PromoteTitleParagraphs(salutation, closing);

        // Loops rather than LINQ: over immutable arrays and lists LINQ went item by item through
        // interface calls (turning the token list into the document's array that way was 1% of a batch).
        var headings = new List<TokenRange>();
        foreach (var block in _blocks) if (block.Kind == BlockKind.Heading) headings.Add(block.Tokens);
        var bodyEnd = closing is { } c ? c.Tokens.Start : tokens.Count;
        var sections = new Section[headings.Count];
        for (var i = 0; i < sections.Length; i++)
        {
            var heading = headings[i];
            var end = i + 1 < headings.Count ? headings[i + 1].Start : Math.Max(bodyEnd, heading.End);
            if (end < heading.End) end = heading.End;
            sections[i] = new Section(heading, new TokenRange(heading.End, end));
        }

        var built = new Table[_tables.Count];
        for (var i = 0; i < built.Length; i++) built[i] = _tables[i].Build();
        var tables = ImmutableCollectionsMarshal.AsImmutableArray(built);
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>();
        var items = ImmutableArray.CreateBuilder<ListItem>();
        foreach (var block in _blocks)
        {
            if (block.Kind == BlockKind.Paragraph) paragraphs.Add(new Paragraph(block.Tokens, block.First.Number, block.Last.Number));
            else if (block.Kind == BlockKind.ListItem) items.Add(new ListItem(block.Tokens, block.Level));
        }
        var blockItemCount = items.Count;
        foreach (var table in tables)
        foreach (var row in table.Rows)
        foreach (var cell in row.Cells)
            items.AddRange(cell.Items);
        // Block items are in document order already; items in table cells need merging in.
        if (items.Count > blockItemCount) items.Sort(static (a, b) => a.Tokens.Start != b.Tokens.Start ? a.Tokens.Start.CompareTo(b.Tokens.Start) : a.Tokens.End.CompareTo(b.Tokens.End));

        var frozen = tokens.Letter();
        var sentences = SentenceSplitter.Split(frozen, SentenceSources(tables));
        // Sized to the lines with tokens, so the array is handed over as it is, not copied to size.
        var withTokens = 0;
        foreach (var line in lines) if (line.HasTokens) withTokens++;
        var lineRanges = ImmutableArray.CreateBuilder<TokenRange>(withTokens);
        foreach (var line in lines) if (line.HasTokens) lineRanges.Add(line.Tokens);
        var head = salutation is { } s ? new TokenRange(0, s.Tokens.Start) : TokenRange.Empty;
        var closingRange = closing is { } c2 ? new TokenRange(c2.Tokens.Start, tokens.Count) : TokenRange.Empty;

        return new Document(name, text, frozen, lineRanges.DrainToImmutable(), paragraphs.DrainToImmutable(), sentences,
            ImmutableCollectionsMarshal.AsImmutableArray(sections), tables, items.DrainToImmutable(),
            ImmutableCollectionsMarshal.AsImmutableArray(_figures.ToArray()), head, closingRange);
    }

    private void GroupLines(ReadOnlySpan<char> text)
    {
        TextBlock? open = null;
        TableBuilder? table = null;
        var blankSinceTable = false;
        foreach (var line in lines)
        {
            switch (line.Kind)
            {
                case LineKind.PageArtefact:
                    break;
                case LineKind.Blank:
                    open = null;
                    blankSinceTable = true;
                    break;
                case LineKind.Figure:
                    _figures.Add(new Figure(line.Start, line.End - line.Start, text[line.Start..line.End].Trim().ToString()));
                    open = null;
                    break;
                case LineKind.TableRule:
                    table?.MarkLastRowHeader();
                    open = null;
                    break;
                case LineKind.TableRow:
                    open = null;
                    if (table is not null && (!blankSinceTable || table.ColumnCount == line.CellStarts.Count + 1))
                        table.AddRow(line);
                    else
                        _tables.Add(table = new TableBuilder(line));
                    blankSinceTable = false;
                    break;
                case LineKind.Text when table is not null && !blankSinceTable:
                    table.ContinueLastRow(line);
                    break;
                case LineKind.Text when open is { Kind: BlockKind.Paragraph or BlockKind.ListItem }:
                    open.Add(line);
                    break;
                case LineKind.Text:
                    _blocks.Add(open = new TextBlock(BlockKind.Paragraph, line));
                    table = null;
                    break;
                case LineKind.ListItem:
                    _blocks.Add(open = new TextBlock(BlockKind.ListItem, line) { Level = line.Indent > 0 ? 2 : 1 });
                    table = null;
                    break;
                case LineKind.MarkdownHeading or LineKind.BoldHeading:
                    _blocks.Add(new TextBlock(BlockKind.Heading, line));
                    open = null;
                    table = null;
                    break;
            }
        }
    }

    private (TextBlock? Salutation, TextBlock? Closing) FindSalutationAndClosing()
    {
        var salutationIndex = _blocks.FindIndex(b => b.Kind == BlockKind.Paragraph && FirstWord(b) == "dear");
        if (salutationIndex < 0) return (null, null);
        var closingIndex = _blocks.FindIndex(salutationIndex + 1, b => b.Kind == BlockKind.Paragraph && FirstWord(b) == "yours");
        return (_blocks[salutationIndex], closingIndex < 0 ? null : _blocks[closingIndex]);
    }

    private string FirstWord(TextBlock block) => block.Tokens.IsEmpty ? "" : tokens[block.Tokens.Start].Norm;

    /// <summary>
    /// Letters converted without markup still have headings: short title lines standing alone
    /// between the salutation and the closing.
    /// </summary>
    private void PromoteTitleParagraphs(TextBlock? salutation, TextBlock? closing)
    {
        if (salutation is null) return;
        var from = _blocks.IndexOf(salutation) + 1;
        var to = closing is null ? _blocks.Count : _blocks.IndexOf(closing);
        for (var i = from; i < to; i++)
        {
            if (_blocks[i].Kind == BlockKind.Paragraph && IsTitleLike(_blocks[i])) _blocks[i].Kind = BlockKind.Heading;
        }
    }

    private bool IsTitleLike(TextBlock block)
    {
        if (!block.EarlierLinesWrapped) return false;
        var range = block.Tokens;
        if (range.IsEmpty) return false;
        // The one-token checks first, and words counted only up to the limit: most paragraphs are
        // long sentences, and counting every word of each was most of this check's cost.
        var first = tokens[range.Start];
        if (!(first.Has(TokenFlags.Capitalised) || first.Kind == TokenKind.Number)) return false;
        if (tokens[range.End - 1].Norm is "." or "," or ";" or ":" or "!" or "?") return false;
        var words = 0;
        for (var i = range.Start; i < range.End && words <= MaxHeadingWords; i++) if (tokens[i].Kind == TokenKind.Word) words++;
        return words > 0 && words <= MaxHeadingWords;
    }

    private List<TokenRange> SentenceSources(ImmutableArray<Table> tables)
    {
        var sources = new List<TokenRange>(_blocks.Count);
        foreach (var block in _blocks) sources.Add(block.Tokens);
        foreach (var table in tables)
        foreach (var row in table.Rows)
        foreach (var cell in row.Cells)
        {
            if (cell.Items.IsEmpty)
            {
                sources.Add(cell.Tokens);
                continue;
            }
            sources.Add(new TokenRange(cell.Tokens.Start, cell.Items[0].Tokens.Start));
            foreach (var item in cell.Items) sources.Add(item.Tokens);
        }
        return sources;
    }
}
