using RulesEngine.Reading.Formats.Html;
using RulesEngine.Reading.Formats.Pdf;
using RulesEngine.Reading.Formats.Word;

namespace RulesEngine.Reading.Formats;

/// <summary>
/// Turns a web page, Word file or PDF into the engine's text, one reader per format behind one
/// call. A reader that fails on a damaged file, or takes longer than the time budget, gives a
/// reason instead of the text, so the batch goes on.
/// </summary>
public static class DocumentConverter
{
    /// <summary>A letter's document gets this long to be read; real letters take milliseconds.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(20);

    public static ConversionResult Convert(LetterFormat format, byte[] bytes, TimeSpan? budget = null)
    {
        Func<byte[], ConversionResult> reader = format switch
        {
            LetterFormat.Html => HtmlLetterConverter.Convert,
            LetterFormat.Word => DocxLetterConverter.Convert,
            LetterFormat.Pdf => PdfLetterConverter.Convert,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "text needs no conversion"),
        };
        // The readers are libraries parsing untrusted files: a pathological one must not hold the
        // batch. .NET cannot stop a thread, so a reader past its budget is left to finish on its own
        // while the letter is reported and the batch moves on.
        var work = Task.Run(() => Guarded(reader, bytes, format));
        if (work.Wait(budget ?? DefaultBudget)) return work.Result;
        return ConversionResult.Failed($"reading the {format.Name()} document took longer than {(budget ?? DefaultBudget).TotalSeconds:0} s; it was abandoned");
    }

    private static ConversionResult Guarded(Func<byte[], ConversionResult> reader, byte[] bytes, LetterFormat format)
    {
        try
        {
            return reader(bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ConversionResult.Failed($"the {format.Name()} document could not be read: {e.GetType().Name}: {e.Message}");
        }
    }
}
