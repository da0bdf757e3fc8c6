using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace RulesEngine.Reading.Formats.Word;

// Inside the namespace, so that they win over the engine's own document model has these names too; here they are Word's.
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

/// <summary>
/// Reads a Word (.docx) letter with the Open XML SDK: paragraphs with their line breaks, headings
/// (heading and title styles, outline levels, short wholly bold paragraphs), numbered and bulleted
/// lists, tables (spanned and merged cells keep the columns in place), text boxes. Headers, footers
/// and footnotes live in parts of their own and stay out of the body text; deleted tracked changes
/// and field codes are left out.
/// </summary>
internal static class DocxLetterConverter
{

    public static ConversionResult Convert(byte[] bytes)
    {
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or System.Xml.XmlException or ArgumentException)
        {
            return ConversionResult.Failed($"not a valid Word document (.docx): {e.Message}");
        }
        using (document)
        {
            if (document.MainDocumentPart?.Document?.Body is not { } body)
                return ConversionResult.Failed("a ZIP package without a Word document body (is it a spreadsheet or another kind of package?)");
            var styles = StyleInfo.From(document.MainDocumentPart.StyleDefinitionsPart);
            var writer = new LetterTextWriter();
            new Walker(writer, styles).Blocks(body);
            var text = writer.ToString();
            return string.IsNullOrWhiteSpace(text) ? ConversionResult.Failed("the Word document has no text") : ConversionResult.Read(text);
        }
    }

    private sealed class Walker(LetterTextWriter writer, StyleInfo styles)
    {
        public void Blocks(OpenXmlElement container)
        {
            foreach (var element in container.ChildElements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        Paragraph(paragraph);
                        break;
                    case Table table:
                        Table(table);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                        Blocks(content);
                        break;
                    case CustomXmlBlock custom:
                        Blocks(custom);
                        break;
                }
            }
        }

        private void Paragraph(Paragraph paragraph)
        {
            // A text box's paragraphs are blocks of their own, placed before the paragraph that anchors them.
            foreach (var box in paragraph.Descendants<TextBoxContent>()) Blocks(box);
            var text = ParagraphText.Of(paragraph);
            if (text.IsBlank) return;
            var style = styles.Of(paragraph);
            if (style.ListLevel is { } level) writer.ListItem(text.Joined, level);
            else if (style.IsHeading || text.AllBold && text.Lines.Count == 1 && LetterTextWriter.IsHeadingLike(text.Lines[0])) writer.Heading(text.Joined);
            else writer.Paragraph(text.Lines);
        }

        private void Table(Table table)
        {
            writer.EndTable();
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = new List<TableCellText>();
                foreach (var cell in row.Elements<TableCell>())
                {
                    var properties = cell.TableCellProperties;
                    // The continuation of a vertically merged cell shows nothing of its own.
                    var continued = properties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value != MergedCellValues.Restart);
                    cells.Add(continued ? TableCellText.Empty : CellText(cell));
                    var span = properties?.GridSpan?.Val?.Value ?? 1;
                    for (var extra = 1; extra < Math.Min(span, 64); extra++) cells.Add(TableCellText.Empty);
                }
                writer.TableRow(cells);
            }
            writer.EndTable();
        }

        private TableCellText CellText(TableCell cell)
        {
            var parts = new List<CellPart>();
            foreach (var paragraph in cell.Descendants<Paragraph>())
            {
                var text = ParagraphText.Of(paragraph);
                if (!text.IsBlank) parts.Add(new CellPart(text.Joined, styles.Of(paragraph).ListLevel is not null));
            }
            return new TableCellText(parts);
        }

    }

    /// <summary>A paragraph's visible text by line (Word's line breaks), and whether all of it is bold.</summary>
    private sealed class ParagraphText
    {
        private readonly List<string> _lines = [];
        private readonly StringBuilder _current = new();

        public bool AllBold { get; private set; } = true;
        public bool IsBlank { get; private set; } = true;
        public IReadOnlyList<string> Lines => _lines;
        public string Joined => string.Join(" ", _lines);

        public static ParagraphText Of(Paragraph paragraph)
        {
            var text = new ParagraphText();
            text.Walk(paragraph);
            text.EndLine();
            return text;
        }

        private void Walk(OpenXmlElement element)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Run run:
                        Run(run);
                        break;
                    // Deleted text of tracked changes, text boxes (read as blocks) and the paragraph's properties are not its text.
                    case DeletedRun or ParagraphProperties or TextBoxContent:
                        break;
                    default:
                        Walk(child); // hyperlinks, inserted runs, smart tags, fields' results
                        break;
                }
            }
        }

        private void Run(Run run)
        {
            var bold = IsBold(run.RunProperties);
            foreach (var part in run.ChildElements)
            {
                switch (part)
                {
                    case Text text:
                        Append(text.Text, bold);
                        break;
                    case TabChar or PositionalTab:
                        Append(" ", bold);
                        break;
                    case Break or CarriageReturn:
                        EndLine();
                        break;
                    case NoBreakHyphen:
                        Append("-", bold);
                        break;
                }
            }
        }

        private static bool IsBold(RunProperties? properties) =>
            properties?.Bold is { } b && (b.Val is null || b.Val.Value);

        private void Append(string text, bool bold)
        {
            _current.Append(text);
            if (text.Trim().Length == 0) return;
            IsBlank = false;
            if (!bold) AllBold = false;
        }

        private void EndLine()
        {
            var line = LetterTextWriter.OneLine(_current.ToString());
            if (line.Length > 0) _lines.Add(line);
            _current.Clear();
        }
    }

    /// <summary>What a paragraph's style and numbering say: a heading, or a list item at a level.</summary>
    private sealed class StyleInfo
    {
        private readonly Dictionary<string, Style> _styles = new(StringComparer.Ordinal);

        public static StyleInfo From(StyleDefinitionsPart? part)
        {
            var info = new StyleInfo();
            if (part?.Styles is { } styles)
                foreach (var style in styles.Elements<Style>())
                    if (style.StyleId?.Value is { } id) info._styles[id] = style;
            return info;
        }

        public (bool IsHeading, int? ListLevel) Of(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties;
            var style = properties?.ParagraphStyleId?.Val?.Value is { } id ? Resolve(id) : [];
            var name = style.Select(s => s.StyleName?.Val?.Value?.ToLowerInvariant()).FirstOrDefault(n => n is not null) ?? "";
            var outline = properties?.OutlineLevel?.Val?.Value ?? style.Select(s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value).FirstOrDefault(v => v is not null);
            var numbering = properties?.NumberingProperties ?? style.Select(s => s.StyleParagraphProperties?.NumberingProperties).FirstOrDefault(n => n is not null);
            int? listLevel = numbering is { NumberingId.Val.Value: not 0 } || name.StartsWith("list bullet", StringComparison.Ordinal) || name.StartsWith("list number", StringComparison.Ordinal)
                ? (numbering?.NumberingLevelReference?.Val?.Value ?? 0) + 1
                : null;
            var isHeading = name.StartsWith("heading", StringComparison.Ordinal) || name is "title" or "subtitle" || outline is < 9;
            return (isHeading && listLevel is null, listLevel);
        }

        // The style and the styles it is based on, nearest first (a cycle is cut at 16).
        private List<Style> Resolve(string id)
        {
            var chain = new List<Style>();
            for (var at = id; at is not null && chain.Count < 16 && _styles.TryGetValue(at, out var style); at = style.BasedOn?.Val?.Value)
                chain.Add(style);
            return chain;
        }
    }
}
