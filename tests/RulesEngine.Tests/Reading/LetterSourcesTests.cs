using RulesEngine.Reading;

namespace RulesEngine.Tests.Reading;

/// <summary>Tests that change the process's working folder run alone: other tests' relative paths would move with it.</summary>
[CollectionDefinition(nameof(WorkingDirectoryCollection), DisableParallelization = true)]
public sealed class WorkingDirectoryCollection;

/// <summary>Every letter of a batch gets an id that is unique and stable, so no output is ever written over another.</summary>
[Collection(nameof(WorkingDirectoryCollection))]
public sealed class LetterSourcesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("letter-sources-").FullName;
    private readonly string _previous = Environment.CurrentDirectory;

    public LetterSourcesTests()
    {
        foreach (var file in new[] { "letters/a/letter.txt", "letters/b/letter.txt", "letters/x.pdf", "letters/x.docx", "letters/top.txt", "letters/notes.json", "empty/readme.md" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_root, file))!);
            File.WriteAllText(Path.Combine(_root, file), "Dear Sir");
        }
        // Relative paths as a user types them, from the batch's folder.
        Environment.CurrentDirectory = _root;
    }

    public void Dispose()
    {
        Environment.CurrentDirectory = _previous;
        Directory.Delete(_root, recursive: true);
    }

    private static Dictionary<string, string> Ids(LetterListing listing) =>
        listing.Letters.ToDictionary(l => l.DisplayPath.Replace('\\', '/'), l => l.Name);

    [Fact]
    public void Folder_WithALinkBackUpTheTree_IsWalkedOnce()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "letters", "a", "up"), Path.Combine(_root, "letters"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "letters", "b-again"), Path.Combine(_root, "letters", "b"));
        var listing = LetterSources.List(["letters"]);
        Assert.Equal(["letters/a/letter.txt", "letters/b/letter.txt", "letters/top.txt", "letters/x.docx", "letters/x.pdf"], Ids(listing).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Glob_WithALinkBackUpTheTree_IsWalkedOnce()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "letters", "a", "up"), Path.Combine(_root, "letters"));
        Assert.Equal(3, LetterSources.List(["letters/**/*.txt"]).Letters.Count);
    }

    [Fact]
    public void Folder_LettersInSubfolders_AreNamedByTheirRelativePathsWithoutExtension()
    {
        var listing = LetterSources.List(["letters"]);
        Assert.Equal("a/letter", Ids(listing)["letters/a/letter.txt"]);
        Assert.Equal("b/letter", Ids(listing)["letters/b/letter.txt"]);
        Assert.Equal("top", Ids(listing)["letters/top.txt"]);
    }

    [Fact]
    public void Folder_TwoFormatsOfOneName_KeepTheirExtensionsAndSaySo()
    {
        var listing = LetterSources.List(["letters"]);
        Assert.Equal("x.docx", Ids(listing)["letters/x.docx"]);
        Assert.Equal("x.pdf", Ids(listing)["letters/x.pdf"]);
        var renamed = Assert.Single(listing.Renamed);
        Assert.Contains("would share the id 'x': they are named 'x.docx' and 'x.pdf'", renamed);
    }

    [Fact]
    public void Files_OfOneNameInTwoFolders_AreNamedByThePathGiven()
    {
        var listing = LetterSources.List(["letters/a/letter.txt", "letters/b/letter.txt"]);
        Assert.Equal(["letters/a/letter", "letters/b/letter"], listing.Letters.Select(l => l.Name));
        Assert.Single(listing.Renamed);
    }

    [Fact]
    public void Files_OfOneNameOutsideTheWorkingFolder_AreNumbered()
    {
        var a = Path.Combine(_root, "letters", "a", "letter.txt");
        var b = Path.Combine(_root, "letters", "b", "letter.txt");
        var listing = LetterSources.List([a, b]);
        Assert.Equal(["letter", "letter~2"], listing.Letters.Select(l => l.Name));
    }

    [Fact]
    public void SameFile_GivenTwiceOrByFolderAndName_IsOneLetter()
    {
        var listing = LetterSources.List(["letters/top.txt", "./letters/top.txt", Path.Combine(_root, "letters", "top.txt")]);
        Assert.Equal(["top"], listing.Letters.Select(l => l.Name));
        Assert.Empty(listing.Renamed);
    }

    [Fact]
    public void Glob_LettersAreNamedRelativeToTheGlobsFolder()
    {
        var listing = LetterSources.List(["letters/**/*.txt"]);
        Assert.Equal(["a/letter", "b/letter", "top"], listing.Letters.Select(l => l.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void MissingPaths_AreCalledFilesOrFoldersAndEmptyInputsAreNamed()
    {
        var listing = LetterSources.List(["nothere/", "missing.txt", "missing", "empty", "letters/*.html"]);
        Assert.Equal(["no such folder: nothere/", "no such file: missing.txt", "no such file or folder: missing"], listing.Missing);
        Assert.Equal(["empty", "letters/*.html"], listing.Empty);
        Assert.Empty(listing.Letters);
    }

    [Fact]
    public void StandardInput_IsNamedDashOrTheNameGiven()
    {
        Assert.Equal("-", LetterSources.List(["-"], new MemoryStream()).Letters.Single().Name);
        Assert.Equal("derby", LetterSources.List(["-"], new MemoryStream(), "derby").Letters.Single().Name);
    }
}
