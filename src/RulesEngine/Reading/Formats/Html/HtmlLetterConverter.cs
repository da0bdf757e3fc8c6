using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace RulesEngine.Reading.Formats.Html;

/// <summary>
/// Reads a web page with a real HTML5 parser (AngleSharp): paragraphs and line breaks, headings
/// (`&lt;h1&gt;`-`&lt;h6&gt;`, and short paragraphs that are wholly bold), lists, tables with their
/// rows and cells, character references decoded; scripts, styles and the page's head ignored.
/// The page's encoding comes from its byte-order mark or `&lt;meta charset&gt;`, as a browser takes it.
/// </summary>
internal static class HtmlLetterConverter
{

    public static ConversionResult Convert(byte[] bytes)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = parser.ParseDocument(stream);
        var writer = new LetterTextWriter();
        if (document.Body is { } body) new Walker(writer).Blocks(body, listLevel: 0);
        var text = writer.ToString();
        return string.IsNullOrWhiteSpace(text)
            ? ConversionResult.Failed("the web page has no text in its body")
            : ConversionResult.Read(text);
    }

    private static bool IsSkipped(IElement element) => element.LocalName is "script" or "style" or "noscript" or "template" or "head" or "title" or "select" or "button";

    private static bool IsBlock(IElement element) => element.LocalName is
        "p" or "div" or "section" or "article" or "main" or "header" or "footer" or "aside" or "nav" or "blockquote" or "center"
        or "address" or "figure" or "figcaption" or "form" or "fieldset" or "dl" or "dt" or "dd" or "pre" or "hr"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "ul" or "ol" or "li" or "table" or "body";

    /// <summary>Walks block content, gathering inline content into paragraphs between blocks.</summary>
    private sealed class Walker(LetterTextWriter writer)
    {
        public void Blocks(INode parent, int listLevel)
        {
            var inline = new InlineText();
            foreach (var node in parent.ChildNodes)
            {
                if (node is IElement element && (IsBlock(element) || IsSkipped(element)))
                {
                    Flush(inline);
                    Block(element, listLevel);
                }
                else inline.Add(node);
            }
            Flush(inline);
        }

        private void Block(IElement element, int listLevel)
        {
            if (IsSkipped(element)) return;
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    writer.Heading(InlineText.Of(element).Joined);
                    break;
                case "ul" or "ol":
                    foreach (var child in element.Children)
                    {
                        if (child.LocalName == "li") Item(child, listLevel + 1);
                        else Block(child, listLevel);
                    }
                    writer.EndTable();
                    break;
                case "li":
                    Item(element, listLevel + 1);
                    break;
                case "table" when element is IHtmlTableElement table:
                    Table(table);
                    break;
                case "pre":
                    writer.Paragraph(element.TextContent.Split('\n'));
                    break;
                case "hr":
                    writer.EndTable();
                    break;
                default:
                    Blocks(element, listLevel);
                    break;
            }
        }

        private void Item(IElement item, int level)
        {
            // The item's own text, then any list nested in it one level deeper.
            var own = new InlineText();
            var nested = new List<IElement>();
            foreach (var node in item.ChildNodes)
            {
                if (node is IElement child && (IsBlock(child) || IsSkipped(child)))
                {
                    if (child.LocalName is "ul" or "ol") nested.Add(child);
                    else if (!IsSkipped(child)) own.AddText(" " + InlineText.Of(child).Joined + " ");
                }
                else own.Add(node);
            }
            writer.ListItem(own.Joined, level);
            foreach (var list in nested) Block(list, level);
        }

        private void Table(IHtmlTableElement table)
        {
            writer.EndTable();
            foreach (var row in table.Rows)
            {
                var cells = new List<TableCellText>();
                foreach (var cell in row.Cells)
                {
                    cells.Add(CellText(cell));
                    // A cell spanning columns keeps the columns after it in their places.
                    for (var extra = 1; extra < Math.Min(cell.ColumnSpan, 64); extra++) cells.Add(TableCellText.Empty);
                }
                writer.TableRow(cells);
            }
            writer.EndTable();
        }

        private static TableCellText CellText(IElement cell)
        {
            var parts = new List<CellPart>();
            Collect(cell, parts);
            return new TableCellText(parts);
        }

        private static void Collect(INode parent, List<CellPart> parts)
        {
            var inline = new InlineText();
            void FlushInline()
            {
                if (inline.Joined.Trim().Length > 0) parts.Add(new CellPart(inline.Joined, false));
                inline = new InlineText();
            }
            foreach (var node in parent.ChildNodes)
            {
                if (node is IElement element && IsSkipped(element)) continue;
                if (node is IElement block && IsBlock(block))
                {
                    FlushInline();
                    if (block.LocalName == "li") parts.Add(new CellPart(InlineText.Of(block).Joined, true));
                    else Collect(block, parts);
                }
                else inline.Add(node);
            }
            FlushInline();
        }

        private void Flush(InlineText inline)
        {
            if (inline.IsBlank) return;
            var lines = inline.Lines;
            if (inline.AllBold && lines.Count == 1 && LetterTextWriter.IsHeadingLike(lines[0])) writer.Heading(lines[0]);
            else writer.Paragraph(lines);
            inline.Clear();
        }

    }

    /// <summary>
    /// Inline content as the browser lays it out: white space collapsed, `&lt;br&gt;` a line break;
    /// and whether every visible character is bold.
    /// </summary>
    private sealed class InlineText
    {
        private readonly StringBuilder _current = new();
        private readonly List<string> _lines = [];
        private bool _sawText;

        public bool AllBold { get; private set; } = true;

        public static InlineText Of(INode node)
        {
            var text = new InlineText();
            foreach (var child in node.ChildNodes) text.Add(child);
            return text;
        }

        public void Add(INode node) => Add(node, bold: false);

        public void AddText(string text) => Append(text, bold: false);

        private void Add(INode node, bool bold)
        {
            switch (node)
            {
                case IText text:
                    Append(text.Data, bold);
                    break;
                case IElement element when IsSkipped(element):
                    break;
                case IElement { LocalName: "br" }:
                    _lines.Add(_current.ToString());
                    _current.Clear();
                    break;
                case IElement element:
                    var isBold = bold || element.LocalName is "b" or "strong" || IsBoldStyle(element);
                    if (IsBlock(element)) Append(" ", bold);
                    foreach (var child in element.ChildNodes) Add(child, isBold);
                    if (IsBlock(element)) Append(" ", bold);
                    break;
            }
        }

        private static bool IsBoldStyle(IElement element) =>
            element.GetAttribute("style") is { } style && style.Replace(" ", "").Contains("font-weight:bold", StringComparison.OrdinalIgnoreCase);

        private void Append(string text, bool bold)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    if (_current.Length > 0 && _current[^1] != ' ') _current.Append(' ');
                    continue;
                }
                if (c == '\u00A0') { _current.Append(' '); continue; }
                _current.Append(c);
                _sawText = true;
                if (!bold) AllBold = false;
            }
        }

        public bool IsBlank => !_sawText;

        public IReadOnlyList<string> Lines
        {
            get
            {
                var lines = new List<string>(_lines) { _current.ToString() };
                return lines.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            }
        }

        public string Joined => string.Join(" ", Lines);

        public void Clear()
        {
            _current.Clear();
            _lines.Clear();
            _sawText = false;
            AllBold = true;
        }
    }
}
