using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace RulesEngine.Reading.Formats.Pdf;

/// <summary>
/// Reads a PDF letter with PdfPig in small stages, each testable on its own: words and ruling
/// lines per page (<see cref="PageReader"/>, <see cref="RulingTables"/>), running headers and
/// footers dropped (<see cref="RunningLines"/>), then lines, paragraphs, headings and tables into
/// the engine's text (<see cref="TextAssembler"/>). A PDF it cannot read says why: encrypted,
/// no text layer, damaged.
/// </summary>
internal static class PdfLetterConverter
{
    public static ConversionResult Convert(byte[] bytes)
    {
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes);
        }
        catch (PdfDocumentEncryptedException)
        {
            return ConversionResult.Failed("encrypted PDF: it needs a password to open; save an unprotected copy");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ConversionResult.Failed($"not a readable PDF (damaged or truncated): {e.Message}");
        }
        using (document)
        {
            try
            {
                if (document.IsEncrypted && document.NumberOfPages == 0)
                    return ConversionResult.Failed("encrypted PDF: it needs a password to open; save an unprotected copy");
                var pages = new List<List<PageBlock>>();
                var letters = 0;
                var images = 0;
                foreach (var page in document.GetPages())
                {
                    letters += page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                    images += page.NumberOfImages;
                    pages.Add(PageReader.Read(page));
                }
                if (letters == 0)
                    return ConversionResult.Failed(images > 0
                        ? "image-only PDF: no text layer (a scan?); OCR is not supported"
                        : "the PDF has no text");
                RunningLines.Remove(pages);
                return ConversionResult.Read(TextAssembler.Assemble(pages));
            }
            catch (PdfDocumentEncryptedException)
            {
                return ConversionResult.Failed("encrypted PDF: it needs a password to open; save an unprotected copy");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return ConversionResult.Failed($"not a readable PDF (damaged or truncated): {e.Message}");
            }
        }
    }
}
