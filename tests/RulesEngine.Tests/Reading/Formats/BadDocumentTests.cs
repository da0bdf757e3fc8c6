using System.IO.Compression;
using RulesEngine.Batch;
using RulesEngine.Reading;
using RulesEngine.Reading.Formats;
using RulesEngine.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace RulesEngine.Tests.Reading.Formats;

/// <summary>A document that cannot be read is a letter with a reason, never a crash or a hang, and the batch goes on.</summary>
public class BadDocumentTests
{
    private static byte[] Fixture(string format) => File.ReadAllBytes(FormatFixtures.PathOf(format, Seeds.Apa));

    private static string ErrorOf(string name, byte[] bytes)
    {
        var outcome = FormatFixtures.Process(name, bytes);
        Assert.Null(outcome.Result);
        return outcome.Error!;
    }

    [Fact]
    public void Pdf_EncryptedWithAPassword_IsNamedAsEncrypted() =>
        Assert.Contains("encrypted PDF: it needs a password", ErrorOf("locked", File.ReadAllBytes(Path.Combine(FormatFixtures.Folder, "bad", "encrypted-with-password.pdf"))));

    [Fact]
    public void Pdf_WithOnlyAnImage_IsNamedAsImageOnly()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        // A 1x1 pixel PNG: a scan without a text layer, in miniature.
        page.AddPng(Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), new PdfRectangle(50, 50, 550, 800));
        Assert.Contains("image-only PDF: no text layer (a scan?); OCR is not supported", ErrorOf("scan", builder.Build()));
    }

    [Fact]
    public void Pdf_TruncatedOrCorrupt_IsNamedAsDamaged()
    {
        var pdf = Fixture("pdf");
        Assert.Contains("PDF", ErrorOf("truncated", pdf[..(pdf.Length / 3)]));
        var corrupt = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251))).ToArray();
        Assert.Contains("PDF", ErrorOf("corrupt", corrupt));
    }

    [Fact]
    public void Docx_ThatIsNotAWordPackage_IsNamed()
    {
        var docx = Fixture("docx");
        Assert.Contains("not a valid Word document (.docx)", ErrorOf("truncated", docx[..(docx.Length / 2)]));
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(archive.CreateEntry("notes.txt").Open())) writer.Write("not a document");
        Assert.Contains("Word document", ErrorOf("zip", zip.ToArray()));
    }

    private static byte[] Package(string name, Action<Stream> write)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = archive.CreateEntry(name, CompressionLevel.Fastest).Open()) write(entry);
        return zip.ToArray();
    }

    [Fact]
    public void Docx_WhosePartUnpacksWithoutBound_IsRefusedNotRead()
    {
        // 70 MB of white space packs into a few hundred KB: a ZIP bomb in miniature.
        var bomb = Package("word/document.xml", stream =>
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 70; i++) stream.Write(spaces);
        });
        Assert.Contains("unpacks to more than 64 MB", ErrorOf("bomb", bomb));
    }

    [Fact]
    public void Docx_WithADocumentTypeDeclaration_IsRefused()
    {
        var entities = Package("word/document.xml", stream => stream.Write(
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><x>&b;</x>"u8));
        Assert.Contains("not a valid Word document (.docx)", ErrorOf("entities", entities));
    }

    [Fact]
    public void LegacyWordFile_IsNamedWithWhatToDo() =>
        Assert.Contains("save it as .docx or PDF", ErrorOf("old", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]));

    [Fact]
    public void Reader_PastItsTimeBudget_IsAbandonedWithAReason()
    {
        var result = DocumentConverter.Convert(LetterFormat.Pdf, Fixture("pdf"), budget: TimeSpan.FromTicks(1));
        Assert.Null(result.Text);
        Assert.Contains("took longer than", result.Failure);
    }

    [Fact]
    public void Batch_WithBadDocuments_CompletesTheGoodOnesInOrder()
    {
        var pdf = Fixture("pdf");
        var sources = new[]
        {
            LetterSource.FromFile(FormatFixtures.PathOf("pdf", Seeds.Apa)),
            LetterSource.FromBytes("cut.pdf", "cut", pdf[..100]),
            LetterSource.FromFile(Path.Combine(FormatFixtures.Folder, "bad", "encrypted-with-password.pdf")),
            LetterSource.FromFile(FormatFixtures.PathOf("docx", Seeds.Apa)),
            LetterSource.FromFile(FormatFixtures.PathOf("html", Seeds.Apa)),
        };
        var outcomes = BatchRunner.Run(Support.Pack.Program, sources, jobs: 2).ToList();
        Assert.Equal([true, false, false, true, true], outcomes.Select(o => o.Succeeded));
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal(new RulesEngine.Output.TextValue("Derby City Council"), o.Result!.Record["council"]));
    }
}
