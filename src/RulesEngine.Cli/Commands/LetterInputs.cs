using RulesEngine.Reading;

namespace RulesEngine.Cli.Commands;

/// <summary>
/// The letters a command's inputs name, with what the listing found wrong said once on stderr:
/// a path that does not exist is an error (before any letter is read, so a long batch is not
/// run without it), a folder or glob with no letter a warning, and no letter at all an error.
/// Ids that clashed are warnings here and counted in the run's summary.
/// </summary>
internal static class LetterInputs
{
    /// <returns>The listing, or null when the command should stop with exit code 1.</returns>
    public static LetterListing? List(IReadOnlyList<string> paths, TextWriter error, string? standardInputName = null) =>
        Report(LetterSources.List(paths, standardInputName: standardInputName), paths, error);

    /// <summary>Says what <paramref name="listing"/> found wrong; null when the command should stop with exit code 1.</summary>
    public static LetterListing? Report(LetterListing listing, IReadOnlyList<string> paths, TextWriter error)
    {
        foreach (var missing in listing.Missing) error.WriteLine($"rulesengine: error: {missing}");
        if (listing.Missing.Count > 0) return null;
        if (listing.Letters.Count == 0)
        {
            error.WriteLine($"rulesengine: error: no letters found in {string.Join(", ", paths)} (letters are {string.Join(", ", RulesEngine.Reading.Formats.LetterFormats.FolderExtensions.Select(e => "*" + e))} files)");
            return null;
        }
        foreach (var empty in listing.Empty) error.WriteLine($"rulesengine: warning: no letters found in {empty}");
        foreach (var renamed in listing.Renamed) error.WriteLine($"rulesengine: warning: {renamed}");
        return listing;
    }
}
