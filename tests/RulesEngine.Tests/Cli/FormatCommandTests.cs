using System.Text.Json.Nodes;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Cli;

/// <summary>Letters as published, through the real command: `read` shows what each format gave, `run` reads them all and names the bad ones.</summary>
public sealed class FormatCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("rulesengine-formats-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Read_APdf_ShowsItsFormatSectionsAndTables()
    {
        var outcome = CommandRunner.Run("read", FormatFixtures.PathOf("pdf", Seeds.Apa));
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.StartsWith($"{Seeds.Apa}: read from pdf,", outcome.Output);
        Assert.Contains("\"Staying safe\"", outcome.Output);
        Assert.Contains("rows x 3 columns", outcome.Output);
    }

    [Fact]
    public void ReadText_AWordFile_PrintsTheTextTheRulesAreMatchedAgainst()
    {
        var outcome = CommandRunner.Run("read", "--text", FormatFixtures.PathOf("docx", Seeds.Apa));
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.StartsWith("Alexandra House\n33 Kingsway\n", outcome.Output);
        Assert.Contains("\n## Summary\n", outcome.Output);
        Assert.Contains("Areas for judgement\tGrade awarded ¹\n", outcome.Output);
    }

    [Fact]
    public void Run_AFolderOfEveryFormat_ReadsEachAndNamesTheBadOneWithItsReason()
    {
        var folder = Path.Combine(_temp, "letters");
        Directory.CreateDirectory(folder);
        foreach (var (format, extension) in FormatFixtures.Formats) File.Copy(FormatFixtures.PathOf(format, Seeds.Apa), Path.Combine(folder, format + extension));
        File.WriteAllText(Path.Combine(folder, "text.txt"), Seeds.Text(Seeds.Apa));
        File.Copy(Path.Combine(FormatFixtures.Folder, "bad", "encrypted-with-password.pdf"), Path.Combine(folder, "locked.pdf"));
        var outcome = CommandRunner.Run("run", folder);
        Assert.Equal(2, outcome.ExitCode);
        var records = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["docx", "html", "pdf", "text"], records.Select(r => (string)r["letter"]!));
        Assert.All(records, r => Assert.Equal("Derby City Council", (string?)r["council"]));
        Assert.Contains("locked.pdf: error: encrypted PDF: it needs a password to open", outcome.Error);
        Assert.Contains("5 letter(s) read, 4 processed, 1 failed", outcome.Error);
    }

    [Fact]
    public void RunInputJsonl_FromStdin_WritesOneLinePerInputLineInOrder()
    {
        var pdf = FormatFixtures.PathOf("pdf", Seeds.Names[0]).Replace("\\", "\\\\");
        var input = $$"""
            {"id": "inline", "text": "Dear Sir\n\nYours sincerely"}
            {"id": "from-file", "path": "{{pdf}}"}
            not json
            """;
        var outcome = CommandRunner.RunIn(AppContext.BaseDirectory, input, "run", "--input", "jsonl", "-");
        Assert.True(outcome.ExitCode == 2, outcome.Error);
        var records = outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["inline", "from-file", "line-3"], records.Select(r => (string)r["letter"]!));
        Assert.Equal("Derbyshire County Council", (string?)records[1]["council"]);
        Assert.Contains("the line is not JSON", (string)records[2]["error"]!);
    }

    [Theory]
    [InlineData("--format", "csv")]
    [InlineData("--resume")]
    public void RunInputJsonl_WithAFileFormatOrResume_IsAUsageError(params string[] extra)
    {
        var outcome = CommandRunner.RunIn(AppContext.BaseDirectory, "", ["run", "--input", "jsonl", "--out", _temp, .. extra, "-"]);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--input jsonl writes JSON Lines", outcome.Error);
    }

    [Fact]
    public void Run_LettersOfOneNameInSubfoldersAndFormats_WritesEveryOneToItsOwnFileAndSaysWhy()
    {
        var letters = Path.Combine(_temp, "letters");
        foreach (var folder in new[] { "a", "b" }) Directory.CreateDirectory(Path.Combine(letters, folder));
        File.WriteAllText(Path.Combine(letters, "a", "letter.txt"), Seeds.Text(Seeds.Names[0]));
        File.WriteAllText(Path.Combine(letters, "b", "letter.txt"), Seeds.Text(Seeds.Apa));
        File.Copy(FormatFixtures.PathOf("pdf", Seeds.Apa), Path.Combine(letters, "derby.pdf"));
        File.Copy(FormatFixtures.PathOf("docx", Seeds.Apa), Path.Combine(letters, "derby.docx"));
        var output = Path.Combine(_temp, "out");
        var outcome = CommandRunner.Run("run", letters, "--out", output);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var written = Directory.GetFiles(output, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(["a/letter.json", "b/letter.json", "derby.docx.json", "derby.pdf.json"], written);
        Assert.Contains("would share the id 'derby': they are named 'derby.docx' and 'derby.pdf'", outcome.Error);
        Assert.Contains("1 group(s) of letters shared an id", outcome.Error);
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "b", "letter.json")))!;
        Assert.Equal("b/letter", (string?)record["letter"]);
        Assert.Equal(Path.Combine(letters, "b", "letter.txt"), (string?)record["source"]);
    }

    [Theory]
    [InlineData("no such folder: nothere/", "nothere/")]
    [InlineData("no such file: missing.txt", "missing.txt")]
    [InlineData("no letters found in *.nothing", "*.nothing")]
    public void Run_InputsThatNameNoLetter_ExitOneSayingWhich(string message, string input)
    {
        var outcome = CommandRunner.Run("run", input);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
        Assert.Equal(1, outcome.Error.Split(message).Length - 1);
        Assert.Equal("", outcome.Output);
    }

    [Fact]
    public void ReadTokens_ShowsEachTokenWithItsClassSoAnAddressIsSeenAsSeveral()
    {
        var letter = Path.Combine(_temp, "l.txt");
        File.WriteAllText(letter, "Write to edhelpline@ofsted.gov.uk about the council\u2019s 22.30% share.\n");
        var outcome = CommandRunner.Run("read", letter, "--tokens");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("l: 15 tokens", outcome.Output);
        Assert.Matches(@"1:10\s+word\s+edhelpline", outcome.Output);
        Assert.Matches(@"1:20\s+punctuation @", outcome.Output);
        Assert.Matches(@"word\s+council’s  \[council's\]", outcome.Output);
        Assert.Matches(@"percentage\s+22.30%", outcome.Output);
    }

    [Fact]
    public void Read_ShowsWholeCellsNotCutAtSixtyCharacters()
    {
        var outcome = CommandRunner.Run("read", Path.Combine("seeds", Seeds.Apa + ".txt"));
        Assert.Contains("\"The contribution of the local authority's children's services in maintaining and improving outcomes for children and young people.\"", outcome.Output);
    }

    [Fact]
    public void RunSummaryJson_LeavesOnlyTheSummaryAsDataOnStderr()
    {
        var folder = Path.Combine(_temp, "letters");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "good.txt"), Seeds.Text(Seeds.Names[0]));
        File.WriteAllText(Path.Combine(folder, "empty.txt"), "");
        var outcome = CommandRunner.Run("run", folder, "--summary", "json");
        Assert.Equal(2, outcome.ExitCode);
        var summary = JsonNode.Parse(outcome.Error)!;
        Assert.Equal(2, (int)summary["read"]!);
        Assert.Equal(1, (int)summary["failed"]!);
        Assert.Contains("empty.txt: error: the letter is empty", (string)summary["failures"]![0]!);
        Assert.Equal("good", (string)summary["letters"]![0]!["letter"]!);
        Assert.Equal(1, (int)summary["rules"]!["rating"]!["hits"]!);
    }
}
