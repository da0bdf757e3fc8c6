using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace RulesEngine.Reading.Formats.Word;

/// <summary>
/// Reads a Word (.docx) letter: the package is a ZIP of XML parts, read with the framework's ZIP
/// and XML readers. Paragraphs with their line breaks, headings (heading and title styles,
/// outline levels, short wholly bold paragraphs), numbered and bulleted lists, tables (spanned
/// and merged cells keep the columns in place), text boxes. Headers, footers and footnotes live
/// in parts of their own and stay out of the body text; deleted tracked changes and field codes
/// are left out.
/// </summary>
/// <remarks>
/// Not the Open XML SDK: its thousands of typed element classes made the native executable 20 MB
/// larger and every command's start 40 ms slower (0.02 -> 0.06 s for `--help`, measured), for the
/// twenty-odd elements a letter's text needs. The tests still build their Word files with the SDK.
/// </remarks>
internal static class DocxLetterConverter
{
    // A part larger than this once unpacked is a ZIP bomb, not a letter (a long letter's body is well under 1 MB).
    private const long MaxPartBytes = 64L * 1024 * 1024;

    public static ConversionResult Convert(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (MainPart(zip) is not { } main)
                return ConversionResult.Failed("a ZIP package without a Word document body (is it a spreadsheet or another kind of package?)");
            var document = Load(main);
            var body = document.Root?.Element(W.Body);
            if (body is null) return ConversionResult.Failed("a ZIP package without a Word document body (is it a spreadsheet or another kind of package?)");
            var styles = zip.GetEntry(PartBeside(main.FullName, "styles.xml")) is { } stylesPart ? StyleInfo.From(Load(stylesPart)) : new StyleInfo();
            var writer = new LetterTextWriter();
            new Walker(writer, styles).Blocks(body);
            var text = writer.ToString();
            return string.IsNullOrWhiteSpace(text) ? ConversionResult.Failed("the Word document has no text") : ConversionResult.Read(text);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return ConversionResult.Failed($"not a valid Word document (.docx): {e.Message}");
        }
    }

    /// <summary>The main document part, as the package's relationships name it (`word/document.xml` in every file Word writes).</summary>
    private static ZipArchiveEntry? MainPart(ZipArchive zip)
    {
        if (zip.GetEntry("_rels/.rels") is { } rels)
        {
            var target = Load(rels).Root?.Elements(Relationships + "Relationship")
                .FirstOrDefault(r => ((string?)r.Attribute("Type"))?.EndsWith("/officeDocument", StringComparison.Ordinal) == true)?.Attribute("Target")?.Value;
            if (target is not null && zip.GetEntry(target.TrimStart('/')) is { } named) return named;
        }
        return zip.GetEntry("word/document.xml");
    }

    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private static string PartBeside(string part, string name)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? name : part[..(slash + 1)] + name;
    }

    /// <summary>An XML part, read without DTDs or external resources and no larger than <see cref="MaxPartBytes"/>: the file is untrusted.</summary>
    private static XDocument Load(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var limited = new LimitedStream(stream, MaxPartBytes, entry.FullName);
        using var reader = XmlReader.Create(limited, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }

    /// <summary>The WordprocessingML and markup-compatibility names read here.</summary>
    private static class W
    {
        public static readonly XNamespace Ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        public static readonly XNamespace Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
        public static readonly XName Body = Ns + "body", P = Ns + "p", Tbl = Ns + "tbl", Tr = Ns + "tr", Tc = Ns + "tc", R = Ns + "r", T = Ns + "t";
        public static readonly XName PPr = Ns + "pPr", RPr = Ns + "rPr", TcPr = Ns + "tcPr", PStyle = Ns + "pStyle", NumPr = Ns + "numPr", Ilvl = Ns + "ilvl", NumId = Ns + "numId";
        public static readonly XName OutlineLvl = Ns + "outlineLvl", B = Ns + "b", GridSpan = Ns + "gridSpan", VMerge = Ns + "vMerge", Val = Ns + "val";
        public static readonly XName Sdt = Ns + "sdt", SdtContent = Ns + "sdtContent", CustomXml = Ns + "customXml", Del = Ns + "del", TxbxContent = Ns + "txbxContent";
        public static readonly XName Tab = Ns + "tab", PTab = Ns + "ptab", Br = Ns + "br", Cr = Ns + "cr", NoBreakHyphen = Ns + "noBreakHyphen";
        public static readonly XName Style = Ns + "style", StyleId = Ns + "styleId", Name = Ns + "name", BasedOn = Ns + "basedOn";
        public static readonly XName AlternateContent = Mc + "AlternateContent", Choice = Mc + "Choice";

        /// <summary>An on/off property (`w:b`): on unless its value says off.</summary>
        public static bool IsOn(XElement? property) =>
            property is not null && (string?)property.Attribute(Val) is not ("0" or "false" or "off");
    }

    private sealed class Walker(LetterTextWriter writer, StyleInfo styles)
    {
        public void Blocks(XElement container)
        {
            foreach (var element in container.Elements())
            {
                if (element.Name == W.P) Paragraph(element);
                else if (element.Name == W.Tbl) Table(element);
                else if (element.Name == W.Sdt && element.Element(W.SdtContent) is { } content) Blocks(content);
                else if (element.Name == W.CustomXml) Blocks(element);
            }
        }

        private void Paragraph(XElement paragraph)
        {
            // A text box's paragraphs are blocks of their own, placed before the paragraph that anchors them.
            foreach (var box in ParagraphText.TextBoxes(paragraph)) Blocks(box);
            var text = ParagraphText.Of(paragraph);
            if (text.IsBlank) return;
            var (isHeading, listLevel) = styles.Of(paragraph);
            if (listLevel is { } level) writer.ListItem(text.Joined, level);
            else if (isHeading || text.AllBold && text.Lines.Count == 1 && LetterTextWriter.IsHeadingLike(text.Lines[0])) writer.Heading(text.Joined);
            else writer.Paragraph(text.Lines);
        }

        private void Table(XElement table)
        {
            writer.EndTable();
            foreach (var row in table.Elements(W.Tr))
            {
                var cells = new List<TableCellText>();
                foreach (var cell in row.Elements(W.Tc))
                {
                    var properties = cell.Element(W.TcPr);
                    // The continuation of a vertically merged cell shows nothing of its own.
                    var merge = properties?.Element(W.VMerge);
                    var continued = merge is not null && (string?)merge.Attribute(W.Val) != "restart";
                    cells.Add(continued ? TableCellText.Empty : CellText(cell));
                    var span = int.TryParse((string?)properties?.Element(W.GridSpan)?.Attribute(W.Val), out var n) ? n : 1;
                    for (var extra = 1; extra < Math.Min(span, 64); extra++) cells.Add(TableCellText.Empty);
                }
                writer.TableRow(cells);
            }
            writer.EndTable();
        }

        private TableCellText CellText(XElement cell)
        {
            var parts = new List<CellPart>();
            foreach (var paragraph in cell.Descendants(W.P))
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

        public static ParagraphText Of(XElement paragraph)
        {
            var text = new ParagraphText();
            text.Walk(paragraph);
            text.EndLine();
            return text;
        }

        /// <summary>The text boxes anchored in a paragraph, each once (Word writes a box twice: for new readers and as a fallback).</summary>
        public static IEnumerable<XElement> TextBoxes(XElement paragraph) =>
            paragraph.Descendants(W.TxbxContent).Where(box => !box.Ancestors().Any(a => a.Name == W.Mc + "Fallback"));

        private void Walk(XElement element)
        {
            foreach (var child in element.Elements())
            {
                if (child.Name == W.R) Run(child);
                // Deleted text of tracked changes, text boxes (read as blocks), properties: not the paragraph's text.
                else if (child.Name == W.Del || child.Name == W.PPr || child.Name == W.TxbxContent) continue;
                // Of alternative renderings, the first choice only: the fallback repeats it.
                else if (child.Name == W.AlternateContent) { if (child.Element(W.Choice) is { } choice) Walk(choice); }
                else Walk(child); // hyperlinks, inserted runs, smart tags, fields' results
            }
        }

        private void Run(XElement run)
        {
            var bold = W.IsOn(run.Element(W.RPr)?.Element(W.B));
            foreach (var part in run.Elements())
            {
                if (part.Name == W.T) Append(part.Value, bold);
                else if (part.Name == W.Tab || part.Name == W.PTab) Append(" ", bold);
                else if (part.Name == W.Br || part.Name == W.Cr) EndLine();
                else if (part.Name == W.NoBreakHyphen) Append("-", bold);
            }
        }

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
        private readonly Dictionary<string, XElement> _styles = new(StringComparer.Ordinal);

        public static StyleInfo From(XDocument styles)
        {
            var info = new StyleInfo();
            foreach (var style in styles.Root?.Elements(W.Style) ?? [])
                if ((string?)style.Attribute(W.StyleId) is { } id) info._styles[id] = style;
            return info;
        }

        public (bool IsHeading, int? ListLevel) Of(XElement paragraph)
        {
            var properties = paragraph.Element(W.PPr);
            var chain = (string?)properties?.Element(W.PStyle)?.Attribute(W.Val) is { } id ? Resolve(id) : [];
            var name = chain.Select(s => ((string?)s.Element(W.Name)?.Attribute(W.Val))?.ToLowerInvariant()).FirstOrDefault(n => n is not null) ?? "";
            var outline = Level(properties?.Element(W.OutlineLvl)) ?? chain.Select(s => Level(s.Element(W.PPr)?.Element(W.OutlineLvl))).FirstOrDefault(l => l is not null);
            var numbering = properties?.Element(W.NumPr) ?? chain.Select(s => s.Element(W.PPr)?.Element(W.NumPr)).FirstOrDefault(n => n is not null);
            var numbered = numbering is not null && (string?)numbering.Element(W.NumId)?.Attribute(W.Val) is { } numId && numId != "0";
            int? listLevel = numbered || name.StartsWith("list bullet", StringComparison.Ordinal) || name.StartsWith("list number", StringComparison.Ordinal)
                ? (Level(numbering?.Element(W.Ilvl)) ?? 0) + 1
                : null;
            var isHeading = name.StartsWith("heading", StringComparison.Ordinal) || name is "title" or "subtitle" || outline is < 9;
            return (isHeading && listLevel is null, listLevel);
        }

        private static int? Level(XElement? element) => int.TryParse((string?)element?.Attribute(W.Val), out var level) ? level : null;

        // The style and the styles it is based on, nearest first (a cycle is cut at 16).
        private List<XElement> Resolve(string id)
        {
            var chain = new List<XElement>();
            for (var at = id; at is not null && chain.Count < 16 && _styles.TryGetValue(at, out var style); at = (string?)style.Element(W.BasedOn)?.Attribute(W.Val))
                chain.Add(style);
            return chain;
        }
    }
}
