using System.Text;
using RulesEngine.Reading.Formats;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Reading.Formats;

/// <summary>A letter's format is told by its bytes, not its name.</summary>
public class FormatDetectionTests
{
    [Theory]
    [InlineData("pdf", LetterFormat.Pdf)]
    [InlineData("docx", LetterFormat.Word)]
    [InlineData("html", LetterFormat.Html)]
    public void Detect_EveryFixture_ByItsContent(string format, LetterFormat expected) =>
        Assert.Equal(expected, LetterFormats.Detect(File.ReadAllBytes(FormatFixtures.PathOf(format, Seeds.Apa))));

    [Fact]
    public void Detect_APdfNamedAsText_IsStillAPdf()
    {
        var bytes = File.ReadAllBytes(FormatFixtures.PathOf("pdf", Seeds.Apa));
        Assert.Equal(LetterFormat.Pdf, LetterFormats.Detect(bytes, "letter.txt"));
    }

    [Theory]
    [InlineData("Dear Sir\n<b>Summary</b>\n<p>Text</p>", null, LetterFormat.Text)]
    [InlineData("<p>Dear Sir</p>", null, LetterFormat.Text)]
    [InlineData("<p>Dear Sir</p>", "fragment.html", LetterFormat.Html)]
    [InlineData("\uFEFF  <!doctype HTML><p>x</p>", null, LetterFormat.Html)]
    [InlineData("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", null, LetterFormat.Html)]
    [InlineData("## Summary\n\nText", "letter.htm", LetterFormat.Text)]
    public void Detect_TextWithInlineMarkup_StaysTextUnlessItIsADocument(string content, string? name, LetterFormat expected) =>
        Assert.Equal(expected, LetterFormats.Detect(Encoding.UTF8.GetBytes(content), name));

    [Fact]
    public void Folder_IsSearchedForEveryReadableFormat()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            foreach (var name in new[] { "a.txt", "b.html", "c.htm", "d.docx", "e.pdf", "f.json", "g.png" }) File.WriteAllText(Path.Combine(folder, name), "x");
            var found = RulesEngine.Reading.LetterSources.Expand([folder]).Select(s => Path.GetFileName(s.DisplayPath));
            Assert.Equal(["a.txt", "b.html", "c.htm", "d.docx", "e.pdf"], found);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
