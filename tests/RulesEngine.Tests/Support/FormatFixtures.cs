using RulesEngine.Batch;
using RulesEngine.Reading;

namespace RulesEngine.Tests.Support;

/// <summary>
/// The seeds as published documents (made by LibreOffice: the page it imported, saved as Word,
/// exported as PDF), and documents that cannot be read, copied next to the tests.
/// </summary>
public static class FormatFixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "formats");

    public static readonly IReadOnlyList<(string Format, string Extension)> Formats = [("html", ".html"), ("docx", ".docx"), ("pdf", ".pdf")];

    public static string PathOf(string format, string seed) =>
        Path.Combine(Folder, format, seed + Formats.Single(f => f.Format == format).Extension);

    public static TheoryData<string, string> EverySeedInEveryFormat()
    {
        var data = new TheoryData<string, string>();
        foreach (var (format, _) in Formats)
        foreach (var seed in Seeds.Names)
            data.Add(format, seed);
        return data;
    }

    /// <summary>Runs the pack over one file as a batch does: loaded (read by its format's reader), then matched.</summary>
    public static LetterOutcome Process(string path) => LetterProcessor.Process(Pack.Program, LetterSource.FromFile(path));

    public static LetterOutcome Process(string name, byte[] bytes) => LetterProcessor.Process(Pack.Program, LetterSource.FromBytes(name, name, bytes));
}
