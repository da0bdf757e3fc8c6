using System.Diagnostics;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Cli;

/// <summary>The experts' workflow through the real command: batches, CSV, HTML, snapshots, explain, watch.</summary>
public sealed class WorkflowCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("rulesengine-workflow-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Letters(params (string Name, string Text)[] letters)
    {
        var folder = Path.Combine(_temp, "letters");
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in letters) File.WriteAllText(Path.Combine(folder, name), text);
        return folder;
    }

    [Fact]
    public void RunCsv_WritesRectangularTablesWithFormulaCellsEscaped()
    {
        var hostile = Seeds.Text(Seeds.Names[0]).Replace("Strategic Director - Children and Younger Adults", "=HYPERLINK(\"http://x\") Director");
        var letters = Letters(("hostile.txt", hostile), ("apa.txt", Seeds.Text(Seeds.Apa)));
        var outcome = CommandRunner.Run("run", letters, "--out", Path.Combine(_temp, "csv"), "--format", "csv");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        foreach (var file in Directory.GetFiles(Path.Combine(_temp, "csv"), "*.csv"))
        {
            var rows = ReadCsv(File.ReadAllText(file));
            Assert.All(rows, row => Assert.Equal(rows[0].Count, row.Count));
        }
        var letters_ = File.ReadAllText(Path.Combine(_temp, "csv", "letters.csv"));
        Assert.Contains("'=HYPERLINK", letters_);
        Assert.Equal(31, ReadCsv(File.ReadAllText(Path.Combine(_temp, "csv", "strengths.csv"))).Count);
    }

    [Fact]
    public void RunCsv_OpensInExcel_NumbersItemsFromOne_AndQuotesEachItemsEvidence()
    {
        var letters = Letters(("apa.txt", Seeds.Text(Seeds.Apa)));
        Assert.Equal(0, CommandRunner.Run("run", letters, "--out", Path.Combine(_temp, "csv"), "--format", "csv").ExitCode);
        var bytes = File.ReadAllBytes(Path.Combine(_temp, "csv", "strengths.csv"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ReadCsv(System.Text.Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["letter", "item", "area", "text", "evidence"], rows[0]);
        Assert.Equal(["apa", "1", "being healthy", "promoting healthy lifestyles in schools"], rows[1][..4]);
        Assert.StartsWith("Being healthy", rows[1][4]);
        Assert.EndsWith("promoting healthy lifestyles in schools", rows[1][4]);
        Assert.Equal(Enumerable.Range(1, rows.Count - 1).Select(i => i.ToString()), rows.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public void RunJson_ListsEvidenceAsPeopleCount_TwoBeforeTen()
    {
        var letters = Letters(("apa.txt", Seeds.Text(Seeds.Apa)));
        var outcome = CommandRunner.Run("run", letters);
        using var record = System.Text.Json.JsonDocument.Parse(outcome.Output);
        var paths = record.RootElement.GetProperty("evidence").EnumerateObject().Select(p => p.Name).Where(p => p.StartsWith("strengths[")).ToList();
        Assert.True(paths.IndexOf("strengths[2].area") < paths.IndexOf("strengths[10].area"), string.Join(", ", paths));
        Assert.Equal(paths.OrderBy(p => p, RulesEngine.Output.ListPathComparer.Instance), paths);
    }

    [Fact]
    public void RunHtml_EscapesLetterTextAndHighlightsEvidence()
    {
        var letters = Letters(("script.txt", Seeds.Text(Seeds.Names[0]).Replace("Dear Mr Buckley", "Dear Mr Buckley <script>alert('x')</script>")));
        var outcome = CommandRunner.Run("run", letters, "--out", _temp, "--format", "html");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var html = File.ReadAllText(Path.Combine(_temp, "report.html"));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("<a href=\"#l0-e", html);
        Assert.Contains("<mark id=\"l0-e", html);
    }

    [Fact]
    public void RunHtml_ABigBatch_IsPagedBehindATableOfContents()
    {
        var seed = Seeds.Text(Seeds.Names[0]);
        var letters = Letters([.. Enumerable.Range(0, 250).Select(i => ($"letter{i:D3}.txt", seed))]);
        var outcome = CommandRunner.Run("run", letters, "--out", _temp, "--format", "html");
        Assert.True(outcome.ExitCode == 0, outcome.Error);

        var contents = File.ReadAllText(Path.Combine(_temp, "report.html"));
        Assert.Contains("contents: 250 letter(s) on 3 pages of up to 100", contents);
        Assert.Contains("<a href=\"report-1.html#l0\">letter000</a>", contents);
        Assert.Contains("<a href=\"report-3.html#l249\">letter249</a>", contents);
        Assert.DoesNotContain("<pre>", contents);
        var first = File.ReadAllText(Path.Combine(_temp, "report-1.html"));
        var last = File.ReadAllText(Path.Combine(_temp, "report-3.html"));
        Assert.Contains("<a href=\"report-2.html\">next</a>", first);
        Assert.DoesNotContain("previous", first);
        Assert.Contains("<a href=\"report-2.html\">previous</a>", last);
        Assert.DoesNotContain(">next<", last);
        Assert.Equal(100, CountOf(first, "<section id="));
        Assert.Equal(50, CountOf(last, "<section id="));
        Assert.Contains("<section id=\"l249\">", last);
        Assert.False(File.Exists(Path.Combine(_temp, "report-4.html")));
    }

    [Fact]
    public void RunHtml_ASmallBatch_IsOnePageWithContentsLinkingToItsLetters_AndMissingFieldsMarked()
    {
        var letters = Letters(("rating.txt", Seeds.Text(Seeds.Names[2])), ("empty.txt", ""));
        CommandRunner.Run("run", letters, "--out", _temp, "--format", "html");
        var report = File.ReadAllText(Path.Combine(_temp, "report.html"));
        Assert.Contains("contents: 2 letter(s)</h2>", report);
        Assert.Contains("<a href=\"#l0\">empty</a>", report);
        Assert.Contains("<strong>failed</strong>", report);
        Assert.Contains("<tr class=\"missing\"><td>indicators</td><td><em>missing</em></td>", report);
        Assert.Contains("<section id=\"l1\">", report);
        Assert.False(File.Exists(Path.Combine(_temp, "report-1.html")));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public void RunHtmlLetters_WritesOneEscapedPagePerLetter()
    {
        var letters = Letters(("a.txt", Seeds.Text(Seeds.Names[0]).Replace("Dear Mr Buckley", "Dear Mr Buckley <script>x</script>")), ("b.txt", Seeds.Text(Seeds.Apa)));
        var outcome = CommandRunner.Run("run", letters, "--out", _temp, "--format", "html-letters");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.DoesNotContain("<script>", File.ReadAllText(Path.Combine(_temp, "a.html")));
        Assert.Contains("<mark id=\"l0-e", File.ReadAllText(Path.Combine(_temp, "b.html")));
        Assert.Contains("<title>b</title>", File.ReadAllText(Path.Combine(_temp, "b.html")));
    }

    [Fact]
    public void RunHtmlLetters_WritesAnIndexOfEveryLetterWithItsFieldsAndFailures()
    {
        var letters = Letters(("rating.txt", Seeds.Text(Seeds.Names[0])), ("empty.txt", ""));
        Directory.CreateDirectory(Path.Combine(letters, "2006"));
        File.WriteAllText(Path.Combine(letters, "2006", "derby.txt"), Seeds.Text(Seeds.Apa));
        var output = Path.Combine(_temp, "pages");
        var outcome = CommandRunner.Run("run", letters, "--out", output, "--format", "html-letters");
        Assert.Equal(2, outcome.ExitCode);
        var index = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("<title>3 letter(s)</title>", index);
        Assert.Contains("<a href=\"2006/derby.html\">2006/derby</a></td><td>Derby City Council</td><td>2006-11-01</td><td>apa</td>", index);
        Assert.Contains("<a href=\"rating.html\">rating</a></td><td>Derbyshire County Council</td><td>2009-12-09</td><td>rating</td>", index);
        Assert.Contains("<td>empty</td>", index);
        Assert.Contains("<strong>failed</strong>: ", index);
        Assert.Contains("href=\"../index.html\"", File.ReadAllText(Path.Combine(output, "2006", "derby.html")));
    }

    [Fact]
    public void RunCsvWithoutOut_IsAUsageError() => Assert.Equal(1, CommandRunner.Run("run", "seeds", "--format", "csv").ExitCode);

    [Fact]
    public void RunInParallel_GivesByteIdenticalOutputToASequentialRun()
    {
        CommandRunner.Run("run", "seeds", "--out", Path.Combine(_temp, "one"), "--jobs", "1");
        CommandRunner.Run("run", "seeds", "--out", Path.Combine(_temp, "two"), "--jobs", "2");
        var one = CommandRunner.Run("run", "seeds", "--jobs", "1").Output;
        var two = CommandRunner.Run("run", "seeds", "--jobs", "2").Output;
        Assert.Equal(one, two);
        foreach (var file in Directory.GetFiles(Path.Combine(_temp, "one")))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(_temp, "two", Path.GetFileName(file))));
    }

    [Fact]
    public void RunSummary_NamesFailuresFieldsAndRulesThatNeverFired()
    {
        var letters = Letters(("empty.txt", ""), ("good.txt", Seeds.Text(Seeds.Names[0])));
        var outcome = CommandRunner.Run("run", letters, "--out", Path.Combine(_temp, "out"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("2 letter(s) read, 1 processed, 1 failed", outcome.Error);
        Assert.Contains("empty.txt: error: the letter is empty", outcome.Error);
        Assert.Contains("good: 15 found; none missing", outcome.Error);
        Assert.Contains("rating (1 letter(s)): 15 of 15 field(s) in every letter", outcome.Error);
        Assert.Contains("outcome: 0 (never fired)", outcome.Error);
    }

    [Fact]
    public void Snapshot_ExitsOneOnAChangedRatingAndZeroAfterAccept()
    {
        var snapshots = Path.Combine(_temp, "snaps");
        Directory.CreateDirectory(snapshots);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Pack", "snapshots"), "*.verified.json"))
            File.Copy(file, Path.Combine(snapshots, Path.GetFileName(file)));
        var first = Path.Combine(snapshots, Seeds.Names[0] + ".verified.json");
        var approved = File.ReadAllText(first);
        var at = approved.IndexOf("\"rating\": {", StringComparison.Ordinal);
        File.WriteAllText(first, approved[..at] + approved[at..].ReplaceFirst("\"grade\": 3", "\"grade\": 2"));

        var changed = CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots);
        Assert.Equal(1, changed.ExitCode);
        Assert.Contains("~ rating.grade: 2 -> 3", changed.Output);
        Assert.Contains("now by rule 'rating' (rules/letters/rating.rules:", changed.Output);
        Assert.True(File.Exists(Path.Combine(snapshots, Seeds.Names[0] + ".received.json")));

        Assert.Equal(0, CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots, "--accept", "rating.grade").ExitCode);
        Assert.Equal(0, CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots, "--ci").ExitCode);
        Assert.False(File.Exists(Path.Combine(snapshots, Seeds.Names[0] + ".received.json")));
    }

    [Fact]
    public void SnapshotCi_FailsOnObsoleteSnapshotsAndNeverApproves()
    {
        var snapshots = Path.Combine(_temp, "snaps");
        Directory.CreateDirectory(snapshots);
        File.WriteAllText(Path.Combine(snapshots, "gone.verified.json"), "{}");
        var outcome = CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots, "--ci");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("obsolete:", outcome.Output);
        Assert.Empty(Directory.GetFiles(snapshots, "0*.verified.json"));
        Assert.Equal(1, CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots, "--ci", "--accept").ExitCode);
    }

    [Fact]
    public void SnapshotPrune_DeletesObsoleteSnapshotsAndCiRefusesIt()
    {
        var snapshots = Path.Combine(_temp, "snaps");
        Directory.CreateDirectory(snapshots);
        File.WriteAllText(Path.Combine(snapshots, "gone.verified.json"), "{}");
        File.WriteAllText(Path.Combine(snapshots, "gone.received.json"), "{}");
        Assert.Equal(1, CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots, "--ci", "--prune").ExitCode);
        Assert.True(File.Exists(Path.Combine(snapshots, "gone.verified.json")));

        var outcome = CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots, "--accept", "--prune");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("pruned: " + Path.Combine(snapshots, "gone.verified.json"), outcome.Output);
        Assert.Empty(Directory.GetFiles(snapshots, "gone.*"));
        Assert.Equal(0, CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots, "--ci").ExitCode);
    }

    [Fact]
    public void SnapshotAccept_NameOfNoLetterOrField_IsAnErrorWithTheNearestName()
    {
        var snapshots = Path.Combine(_temp, "snaps");
        var outcome = CommandRunner.Run("snapshot", "seeds", "--snapshots", snapshots, "--accept", "rating.grad");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--accept 'rating.grad' is neither a letter of this batch nor a field of the output schema; did you mean 'rating.grade'?", outcome.Error);
        Assert.False(Directory.Exists(snapshots) && Directory.GetFiles(snapshots).Length > 0);
    }

    [Fact]
    public void SnapshotReview_AcceptsTheChangesAnsweredYes()
    {
        var snapshots = Path.Combine(_temp, "snaps");
        var outcome = CommandRunner.RunIn(AppContext.BaseDirectory, "y\nn\n", "snapshot", Path.Combine("seeds", Seeds.Names[0] + ".txt"), Path.Combine("seeds", Seeds.Names[2] + ".txt"), "--snapshots", snapshots, "--review", "--jobs", "1");
        Assert.Equal(1, outcome.ExitCode);
        Assert.True(File.Exists(Path.Combine(snapshots, Seeds.Names[0] + ".verified.json")));
        Assert.False(File.Exists(Path.Combine(snapshots, Seeds.Names[2] + ".verified.json")));
    }

    [Fact]
    public void Explain_ShowsTheRuleAndEvidenceTextOfRatingGrade()
    {
        var outcome = CommandRunner.Run("explain", Path.Combine("seeds", Seeds.Names[0] + ".txt"), "rating.grade");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("rating.grade = 3", outcome.Output);
        Assert.Contains("made by rule 'rating' at rules/letters/rating.rules:", outcome.Output);
        Assert.Contains("from the letter at line 36, column 43: \"3\"", outcome.Output);
    }

    [Fact]
    public void Explain_ForAMissingField_SaysHowFarEachRuleGot()
    {
        var outcome = CommandRunner.Run("explain", Path.Combine("seeds", Seeds.Apa + ".txt"), "rating");
        Assert.Contains("rule 'rating' (rules/letters/rating.rules:", outcome.Output);
        Assert.Contains("then expected \"children's services rating\"", outcome.Output);
    }

    [Fact]
    public void Watch_RerunsWhenARuleFileChangesAndShowsWhatChanged()
    {
        var rules = RuleFolder.Write(_temp, "rules", ("r.rules", "rule r\n  match \"performs\" word -> w\n  emit w = text(w)\n"));
        var letters = Letters(("a.txt", "It performs well."));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _temp };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "RulesEngine.Cli.dll"), "watch", letters, "--rules", rules, "--max-runs", "2" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var watching = new ManualResetEventSlim();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.StartsWith("watching") == true) watching.Set();
        };
        process.BeginOutputReadLine();
        Assert.True(watching.Wait(TimeSpan.FromSeconds(60)), "watch never started watching");
        File.WriteAllText(Path.Combine(rules, "r.rules"), "rule r\n  match \"performs\" word -> w\n  emit w = upper(w)\n");
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "watch did not re-run after the change");
        process.WaitForExit();
        lock (output) Assert.Contains("a: ~ w: \"well\" -> \"WELL\"", output.ToString());
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check")]
    [InlineData("test")]
    [InlineData("snapshot")]
    [InlineData("explain")]
    [InlineData("watch")]
    [InlineData("read")]
    [InlineData("fields")]
    public void Help_OfEveryCommand_ShowsExamples(string command)
    {
        var outcome = CommandRunner.Run(command, "--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Example", outcome.Output);
        Assert.Contains("rulesengine " + command, outcome.Output);
    }

    private static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; }
            else cell.Append(c);
        }
        return rows;
    }
}

internal static class StringExtensions
{
    public static string ReplaceFirst(this string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return at < 0 ? text : text[..at] + replacement + text[(at + old.Length)..];
    }
}
