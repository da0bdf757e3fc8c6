using System.Text;
using RulesEngine.Reading;
using RulesEngine.Reading.Formats;

namespace RulesEngine.Tests.Reading.Formats;

/// <summary>Web pages are read with an HTML5 parser into the same structure the text reader builds.</summary>
public class HtmlReaderTests
{
    private static string Text(string html)
    {
        var result = DocumentConverter.Convert(LetterFormat.Html, Encoding.UTF8.GetBytes(html));
        Assert.True(result.Text is not null, result.Failure);
        return result.Text;
    }

    private static Document Read(string html) => LetterReader.Read("page", Text(html));

    [Fact]
    public void Html_CharacterReferences_AreDecoded()
    {
        var text = Text("<!DOCTYPE html><html><body><p>Children&#39;s services &amp; the council&rsquo;s plan cost &pound;5&nbsp;million &#x2014; so.</p></body></html>");
        Assert.Equal("Children's services & the council’s plan cost £5 million — so.\n", text);
    }

    [Fact]
    public void Html_ScriptsStylesAndTheHead_AreIgnored()
    {
        var text = Text("<html><head><title>Letter 12</title><style>p{color:red}</style></head><body><script>var x = 1;</script><p>Dear Sir</p><noscript>enable scripts</noscript></body></html>");
        Assert.Equal("Dear Sir\n", text);
    }

    [Fact]
    public void Html_LineBreaks_AreLinesOfOneParagraph()
    {
        var document = Read("<html><body><p>Mr Andrew Flack<br>Derby City Council<br/>DE1 1NU</p><p>Dear Andrew</p></body></html>");
        Assert.Equal(2, document.Paragraphs.Length);
        Assert.Equal(3, document.Paragraphs[0].LastLine - document.Paragraphs[0].FirstLine + 1);
    }

    [Fact]
    public void Html_HeadingsAndShortBoldParagraphs_AreSections()
    {
        var document = Read("<html><body><p>Dear Alan</p><h2>Being healthy</h2><p>Text one.</p><p><b>Staying safe</b></p><p>Text two.</p><p><b>A bold sentence that ends with a full stop.</b></p><p>Yours sincerely</p></body></html>");
        Assert.Equal(["Being healthy", "Staying safe"], document.Sections.Select(s => document.TextOf(s.Heading)));
    }

    [Fact]
    public void Html_Table_HasItsRowsCellsAndTheListsInItsCells()
    {
        var document = Read("""
            <html><body><table>
            <tr><th>Key strengths</th><th>Key areas for improvement</th></tr>
            <tr><td><p><i>Being healthy:</i></p><ul><li>healthy lifestyles</li><li>good support</li></ul></td><td>reduction of <b>teenage</b> pregnancy</td></tr>
            <tr><td colspan="2">Spanning cell</td></tr>
            </table></body></html>
            """);
        var table = Assert.Single(document.Tables);
        Assert.Equal(3, table.Rows.Length);
        var cell = table.Rows[1].Cells[0];
        Assert.Equal(["healthy lifestyles", "good support"], cell.Items.Select(i => document.TextOf(i.Tokens)));
        Assert.Equal("reduction of teenage pregnancy", document.TextOf(table.Rows[1].Cells[1].Tokens));
        Assert.Equal(2, table.Rows[2].Cells.Length);
    }

    [Fact]
    public void Html_Lists_AreListItemsWithTheirLevels()
    {
        var document = Read("<html><body><ul><li>Looked after children:<ul><li>placements</li><li>reviews</li></ul></li><li>Teenage conceptions</li></ul></body></html>");
        Assert.Equal([("Looked after children:", 1), ("placements", 2), ("reviews", 2), ("Teenage conceptions", 1)],
            document.ListItems.Select(i => (document.TextOf(i.Tokens), i.Level)));
    }

    [Fact]
    public void Html_PageInWindows1252_IsDecodedByItsMetaCharset()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>caf\u00e9 \u00a3</p></body></html>");
        var result = DocumentConverter.Convert(LetterFormat.Html, bytes);
        Assert.Equal("café £\n", result.Text);
    }

    [Fact]
    public void Html_PageWithoutText_IsAFailureThatSaysSo()
    {
        var result = DocumentConverter.Convert(LetterFormat.Html, Encoding.UTF8.GetBytes("<html><body><script>x()</script></body></html>"));
        Assert.Null(result.Text);
        Assert.Contains("no text", result.Failure);
    }
}
