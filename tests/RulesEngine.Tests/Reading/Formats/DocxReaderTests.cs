using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using RulesEngine.Reading;
using RulesEngine.Reading.Formats;
using Document = DocumentFormat.OpenXml.Wordprocessing.Document;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Table = DocumentFormat.OpenXml.Wordprocessing.Table;
using TableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;
using TableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;

namespace RulesEngine.Tests.Reading.Formats;

/// <summary>Word files are read with the Open XML SDK into the same structure the text reader builds.</summary>
public class DocxReaderTests
{
    /// <summary>A .docx package holding <paramref name="body"/>, with a heading style and a footnote part like Word's.</summary>
    private static byte[] Docx(params OpenXmlElement[] body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(body));
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "Heading2" },
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal" });
            var footnotes = main.AddNewPart<FootnotesPart>();
            footnotes.Footnotes = new Footnotes(new Footnote(new Paragraph(new Run(new Text("A footnote that is not body text.")))) { Id = 1 });
        }
        return stream.ToArray();
    }

    private static Paragraph P(params OpenXmlElement[] content) => new(content);

    private static Run R(string text, bool bold = false) =>
        bold ? new Run(new RunProperties(new Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve }) : new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static string Text(byte[] docx)
    {
        var result = DocumentConverter.Convert(LetterFormat.Word, docx);
        Assert.True(result.Text is not null, result.Failure);
        return result.Text;
    }

    [Fact]
    public void Docx_BreaksFootnotesAndDeletedText_AreReadAsThePageShowsThem()
    {
        var text = Text(Docx(
            P(new Run(new Text("Mr Andrew Flack"), new Break(), new Text("Derby City Council"))),
            P(R("Grade awarded"), new Run(new FootnoteReference { Id = 1 }), new DeletedRun(new Run(new DeletedText("struck out"))), R(" here"))));
        Assert.Equal("Mr Andrew Flack\nDerby City Council\n\nGrade awarded here\n", text);
    }

    [Fact]
    public void Docx_HeadingStylesAndShortBoldParagraphs_AreHeadings()
    {
        var text = Text(Docx(
            P(new ParagraphProperties(new ParagraphStyleId { Val = "Heading2" }), R("Being healthy")),
            P(R("Staying safe", bold: true)),
            P(R("A bold sentence that ends.", bold: true))));
        Assert.Equal("## Being healthy\n\n## Staying safe\n\nA bold sentence that ends.\n", text);
    }

    [Fact]
    public void Docx_NumberedParagraphs_AreListItemsWithTheirLevels()
    {
        static Paragraph Item(string text, int level) => P(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = 1 })), R(text));
        var document = LetterReader.Read("w", Text(Docx(Item("Looked after children:", 0), Item("placements", 1), Item("Teenage conceptions", 0))));
        Assert.Equal([("Looked after children:", 1), ("placements", 2), ("Teenage conceptions", 1)], document.ListItems.Select(i => (document.TextOf(i.Tokens), i.Level)));
    }

    [Fact]
    public void Docx_TableWithMergedCells_KeepsItsColumnsInPlace()
    {
        static TableCell Cell(string text, TableCellProperties? properties = null) =>
            properties is null ? new TableCell(P(R(text))) : new TableCell(properties, P(R(text)));
        var table = new Table(
            new TableRow(Cell("Area"), Cell("Grade"), Cell("Note")),
            new TableRow(Cell("Being healthy", new TableCellProperties(new VerticalMerge { Val = MergedCellValues.Restart })), Cell("3"), Cell("good")),
            new TableRow(Cell("ignored", new TableCellProperties(new VerticalMerge())), Cell("2"), Cell("adequate")),
            new TableRow(Cell("Spanning two", new TableCellProperties(new GridSpan { Val = 2 })), Cell("last")));
        var document = LetterReader.Read("w", Text(Docx(table)));
        var read = Assert.Single(document.Tables);
        Assert.All(read.Rows, row => Assert.Equal(3, row.Cells.Length));
        Assert.Equal("", document.TextOf(read.Rows[2].Cells[0].Tokens));
        Assert.Equal("2", document.TextOf(read.Rows[2].Cells[1].Tokens));
        Assert.Equal("last", document.TextOf(read.Rows[3].Cells[2].Tokens));
    }

    [Fact]
    public void Docx_ListInATableCell_IsTheCellsItems()
    {
        static Paragraph Item(string text) => P(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), R(text));
        var table = new Table(new TableRow(new TableCell(P(R("Being healthy:")), Item("healthy lifestyles"), Item("good support")), new TableCell(P(R("none")))));
        var document = LetterReader.Read("w", Text(Docx(table)));
        var cell = Assert.Single(document.Tables).Rows[0].Cells[0];
        Assert.Equal(["healthy lifestyles", "good support"], cell.Items.Select(i => document.TextOf(i.Tokens)));
    }

    [Fact]
    public void Docx_ATextBoxWrittenWithItsFallback_IsReadOnceBeforeItsParagraph()
    {
        const string xml = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
            <w:body><w:p>
              <w:r><mc:AlternateContent>
                <mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Alexandra House</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>
                <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Alexandra House</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>
              </mc:AlternateContent></w:r>
              <w:r><w:t>Dear Sir</w:t></w:r>
            </w:p></w:body></w:document>
            """;
        using var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("word/document.xml").Open())) writer.Write(xml);
        Assert.Equal("Alexandra House\n\nDear Sir\n", Text(zip.ToArray()));
    }
}
