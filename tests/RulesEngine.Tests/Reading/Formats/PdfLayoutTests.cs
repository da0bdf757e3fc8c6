using RulesEngine.Reading;
using RulesEngine.Reading.Formats;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RulesEngine.Tests.Reading.Formats;

/// <summary>PDF layout analysis on pages made for each case: reading order, paragraphs, headings, running lines, hyphens, tables.</summary>
public class PdfLayoutTests
{
    private const double Left = 72;
    private const double Size = 11;
    private const double Leading = 14;

    /// <summary>Builds a PDF: each page a list of (text, y, bold) lines at the left margin, drawn in the order given.</summary>
    private static byte[] Pdf(params (string Text, double Y, bool Bold)[][] pages) => PdfWithDrawing(pages, tables: null);

    private static byte[] PdfWithDrawing((string Text, double Y, bool Bold)[][] pages, Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont>? tables)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            foreach (var (text, y, isBold) in lines) page.AddText(text, Size, new PdfPoint(Left, y), isBold ? bold : regular);
            tables?.Invoke(page, regular);
        }
        return builder.Build();
    }

    private static string Text(byte[] pdf)
    {
        var result = DocumentConverter.Convert(LetterFormat.Pdf, pdf);
        Assert.True(result.Text is not null, result.Failure);
        return result.Text;
    }

    [Fact]
    public void Pdf_LinesDrawnOutOfOrder_AreReadTopToBottom()
    {
        var text = Text(Pdf([("second line", 700 - Leading, false), ("first line", 700, false), ("third line", 700 - 2 * Leading, false)]));
        Assert.Equal("first line\nsecond line\nthird line\n", text);
    }

    [Fact]
    public void Pdf_AWiderGapThanTheLineSpacing_StartsAParagraph()
    {
        var text = Text(Pdf([("Mr Andrew Flack", 700, false), ("Derby City Council", 700 - Leading, false), ("Dear Andrew", 700 - 3 * Leading, false)]));
        Assert.Equal("Mr Andrew Flack\nDerby City Council\n\nDear Andrew\n", text);
    }

    [Fact]
    public void Pdf_AShortBoldLine_IsAHeading()
    {
        var text = Text(Pdf([("Staying safe", 700, true), ("The contribution is good.", 700 - Leading, false)]));
        Assert.Equal("## Staying safe\n\nThe contribution is good.\n", text);
    }

    [Fact]
    public void Pdf_PageNumbersAndRepeatedHeaders_AreDropped()
    {
        (string, double, bool)[] Page(int number, string body) =>
            [("Ofsted annual rating letter", 800, false), (body, 700, false), ($"Page {number} of 2", 40, false)];
        var text = Text(Pdf(Page(1, "First page text."), Page(2, "Second page text.")));
        Assert.Equal("First page text.\n\nSecond page text.\n", text);
    }

    [Fact]
    public void Pdf_AParagraphBrokenByThePage_IsJoinedAgain()
    {
        var text = Text(Pdf([("The council has made good progress with its", 100, false)], [("partners in most areas.", 780, false)]));
        Assert.Equal("The council has made good progress with its\npartners in most areas.\n", text);
        Assert.Single(LetterReader.Read("p", text).Paragraphs);
    }

    [Fact]
    public void Pdf_AWordHyphenatedAtALineEnd_IsRejoinedUnlessTheLetterHyphenatesItElsewhere()
    {
        var text = Text(Pdf([
            ("Services for children are improv-", 700, false), ("ing steadily and are co-", 700 - Leading, false),
            ("ordinated well; co-ordinated plans exist.", 700 - 2 * Leading, false)]));
        Assert.Equal("Services for children are improving steadily and are co-ordinated well; co-ordinated plans exist.\n", text);
    }

    [Fact]
    public void Pdf_RuledTable_HasRowsAndCellsWithWrappedCellTextJoined()
    {
        var pdf = PdfWithDrawing([[("Summary", 760, true)]], (page, font) =>
        {
            // A 2-column, 3-row grid from 700 down to 640, split at x = 300.
            foreach (var y in new[] { 700.0, 680, 650, 630 }) page.DrawLine(new PdfPoint(70, y), new PdfPoint(500, y), 0.5);
            foreach (var x in new[] { 70.0, 300, 500 }) page.DrawLine(new PdfPoint(x, 700), new PdfPoint(x, 630), 0.5);
            page.AddText("Areas for judgement", Size, new PdfPoint(75, 686), font);
            page.AddText("Grade awarded", Size, new PdfPoint(305, 686), font);
            page.AddText("The contribution of the", Size, new PdfPoint(75, 666), font);
            page.AddText("children's services", Size, new PdfPoint(75, 654), font);
            page.AddText("3", Size, new PdfPoint(305, 666), font);
            page.AddText("Capacity to improve", Size, new PdfPoint(75, 636), font);
            page.AddText("2", Size, new PdfPoint(305, 636), font);
        });
        var document = LetterReader.Read("p", Text(pdf));
        var table = Assert.Single(document.Tables);
        Assert.Equal(3, table.Rows.Length);
        Assert.Equal(["The contribution of the children's services", "3"], table.Rows[1].Cells.Select(c => document.TextOf(c.Tokens)));
        Assert.Equal(["Capacity to improve", "2"], table.Rows[2].Cells.Select(c => document.TextOf(c.Tokens)));
    }

    [Fact]
    public void Pdf_ARowCutByThePageWithoutARule_IsJoinedToItsRestOnTheNextPage()
    {
        // Page 1: a header row, then a row whose cells' vertical rules run to the page's bottom
        // margin with no closing rule; page 2: the rest of that row, its rules running from the top.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(PageSize.A4);
        foreach (var y in new[] { 120.0, 100 }) first.DrawLine(new PdfPoint(70, y), new PdfPoint(500, y), 0.5);
        foreach (var x in new[] { 70.0, 300, 500 }) first.DrawLine(new PdfPoint(x, 120), new PdfPoint(x, 30), 0.5);
        first.AddText("Key strengths", Size, new PdfPoint(75, 106), font);
        first.AddText("Key areas for improvement", Size, new PdfPoint(305, 106), font);
        first.AddText("Staying safe: adoption", Size, new PdfPoint(75, 86), font);
        first.AddText("Staying safe: reviews of", Size, new PdfPoint(305, 86), font);
        var second = builder.AddPage(PageSize.A4);
        second.DrawLine(new PdfPoint(70, 780), new PdfPoint(500, 780), 0.5);
        foreach (var x in new[] { 70.0, 300, 500 }) second.DrawLine(new PdfPoint(x, 810), new PdfPoint(x, 780), 0.5);
        second.AddText("looked after children", Size, new PdfPoint(305, 790), font);
        var document = LetterReader.Read("p", Text(builder.Build()));
        var table = Assert.Single(document.Tables);
        Assert.Equal(2, table.Rows.Length);
        Assert.Equal(["Staying safe: adoption", "Staying safe: reviews of looked after children"], table.Rows[1].Cells.Select(c => document.TextOf(c.Tokens)));
    }

    [Fact]
    public void Pdf_ATableWithoutRules_IsFoundByColumnAlignmentWithWrappedCellsJoined()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        void At(string text, double x, double y) => page.AddText(text, Size, new PdfPoint(x, y), font);
        At("Areas for judgement", 72, 700);
        At("Grade awarded", 400, 700);
        At("The contribution of the local", 72, 700 - Leading);
        At("3", 400, 700 - Leading);
        At("authority's children's services", 72, 700 - 2 * Leading);
        At("The council's capacity to improve", 72, 700 - 3 * Leading);
        At("2", 400, 700 - 3 * Leading);
        At("(see the", 400, 700 - 4 * Leading);
        At("note)", 400, 700 - 5 * Leading);
        var document = LetterReader.Read("p", Text(builder.Build()));
        var table = Assert.Single(document.Tables);
        Assert.Equal(
            [["Areas for judgement", "Grade awarded"], ["The contribution of the local authority's children's services", "3"], ["The council's capacity to improve", "2 (see the note)"]],
            table.Rows.Select(r => r.Cells.Select(c => document.TextOf(c.Tokens)).ToArray()));
    }
}
