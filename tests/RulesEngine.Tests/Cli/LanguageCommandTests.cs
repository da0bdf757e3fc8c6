using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Cli;

/// <summary>`check`, `test`, `run` and `read` as a user runs them.</summary>
public sealed class LanguageCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("rulesengine-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Check_OnABrokenRuleFile_PrintsFileLineColumnAndExitsOneWithoutAStackTrace()
    {
        RuleFolder.Write(_temp, "broken", ("broken.rules", "lexicon grade_word { good => 3 }\nrule r\n  match grade_wrd -> g\n  emit g = value(g)\n"));
        var outcome = CommandRunner.RunIn(_temp, null, "check", "broken");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("broken.rules:3:9: error: unknown lexicon, pattern or token class 'grade_wrd' (did you mean 'grade_word'?) [RE2001]", outcome.Error);
        Assert.Contains("    3 |   match grade_wrd -> g", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("test")]
    public void AMisspeltRuleFile_IsNamedAsAFileWithTheNearestOne(string command)
    {
        var outcome = CommandRunner.Run(command, Path.Combine("rules", "letters", "ratng.rules"));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal($"rulesengine: error: no such rule file: {Path.Combine("rules", "letters", "ratng.rules")} (did you mean {Path.Combine("rules", "letters", "rating.rules")}?)", outcome.Error.Trim());
    }

    [Fact]
    public void Check_OnTheRulePack_ExitsZero()
    {
        var outcome = CommandRunner.Run("check");
        Assert.True(outcome.ExitCode == 0, outcome.Error + outcome.Output);
        Assert.Contains("0 error(s), 0 warning(s)", outcome.Output);
    }

    [Fact]
    public void Test_OnTheRulePack_PrintsTotalsAndExitsZero()
    {
        var outcome = CommandRunner.Run("test", "rules");
        Assert.True(outcome.ExitCode == 0, outcome.Error + outcome.Output);
        // Todo examples (known gaps) are counted, never failures.
        Assert.Matches(@"(?m)^\d+ passed, 0 failed(, \d+ todo)?$", outcome.Output);
    }

    [Fact]
    public void Test_WithAFailingExample_ShowsExpectedAndActualAndExitsOne()
    {
        RuleFolder.Write(_temp, "rules", ("r.rules", "rule r\n  match \"is\" word -> w\n  emit w = text(w)\n\nexample r \"it is good\"\n  expect w = \"bad\"\n\ntodo example r \"it was good\"\n  expect w = \"good\"\n"));
        var outcome = CommandRunner.RunIn(_temp, null, "test", "rules");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("r.rules:5:1: FAIL example for rule 'r'", outcome.Output);
        Assert.Contains("w: expected \"bad\", got \"good\"", outcome.Output);
        Assert.Contains("r.rules:8:1: TODO example for rule 'r'", outcome.Output);
        Assert.Contains("0 passed, 1 failed, 1 todo", outcome.Output);
    }

    [Fact]
    public void Run_WithOut_WritesOneJsonFilePerSeed()
    {
        var outcome = CommandRunner.Run("run", "seeds", "--out", _temp);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal(Seeds.Names.Select(n => n + ".json"), Directory.GetFiles(_temp, "*.json").Select(Path.GetFileName).Order());
        Assert.Contains("\"kind\": \"rating\"", File.ReadAllText(Path.Combine(_temp, Seeds.Names[0] + ".json")));
    }

    [Fact]
    public void Run_FromStandardInput_PrintsOneJsonLine()
    {
        var outcome = CommandRunner.RunIn(AppContext.BaseDirectory, Seeds.Text(Seeds.Apa), "run", "-");
        Assert.Equal(0, outcome.ExitCode);
        var line = Assert.Single(outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"kind\":\"apa\"", line);
    }

    [Fact]
    public void Run_WithABadLetterInTheBatch_ReportsItAndStillWritesTheOthers()
    {
        var letters = Path.Combine(_temp, "letters");
        Directory.CreateDirectory(letters);
        File.WriteAllText(Path.Combine(letters, "good.txt"), Seeds.Text(Seeds.Names[0]));
        File.WriteAllBytes(Path.Combine(letters, "binary.txt"), [1, 2, 0, 3]);
        var outcome = CommandRunner.RunIn(AppContext.BaseDirectory, null, "run", letters, "--out", Path.Combine(_temp, "out"));
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("binary.txt: error: the file is binary", outcome.Error);
        Assert.True(File.Exists(Path.Combine(_temp, "out", "good.json")));
    }

    [Fact]
    public void Read_ShowsTheStructureOfASeed()
    {
        var outcome = CommandRunner.Run("read", Path.Combine("seeds", Seeds.Apa + ".txt"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("\"Being healthy\"", outcome.Output);
        Assert.Contains("7 rows x 2 columns", outcome.Output);
    }

    [Fact]
    public void Check_ARuleWithoutAnExample_WarnsAndTestCountsTodos()
    {
        RuleFolder.Write(_temp, "rules", ("r.rules", "rule r\n  match \"is\" word -> w\n  emit w = text(w)\n\nrule s\n  match \"was\" word -> w\n  emit v = text(w)\n\ntodo example s \"it was good\"\n  expect v = \"bad\"\n"));
        var check = CommandRunner.RunIn(_temp, null, "check", "rules");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("r.rules:1:6: warning: rule 'r' has no example", check.Output + check.Error);
        Assert.Contains("[RE3103]", check.Output + check.Error);
        Assert.DoesNotContain("rule 's' has no example", check.Output + check.Error);
        var test = CommandRunner.RunIn(_temp, null, "test", "rules");
        Assert.Equal(0, test.ExitCode);
        Assert.Contains("0 passed, 0 failed, 1 todo", test.Output);
    }

    [Fact]
    public void CheckAndTest_TakeRulesAsAnOptionToo()
    {
        Assert.Equal(0, CommandRunner.Run("check", "--rules", "rules").ExitCode);
        var test = CommandRunner.Run("test", "--rules", "rules");
        Assert.True(test.ExitCode == 0, test.Error + test.Output);
        var both = CommandRunner.Run("check", "rules", "--rules", "other");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("two rule folders given", both.Error);
    }

    [Fact]
    public void CheckAndTest_OnOneRuleFile_ShowOnlyThatFilesDiagnosticsAndExamples()
    {
        RuleFolder.Write(_temp, "rules", ("a.rules", "rule a\n  match \"is\" word -> w\n  emit w = text(w)\n\nexample a \"it is good\"\n  expect w = \"good\"\n"), ("b.rules", "rule b\n  match \"was\" word -> w\n  emit v = text(w)\n"));
        var check = CommandRunner.RunIn(_temp, null, "check", Path.Combine("rules", "a.rules"));
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("a.rules: 0 error(s), 0 warning(s)", check.Output);
        Assert.DoesNotContain("rule 'b' has no example", check.Error);
        var test = CommandRunner.RunIn(_temp, null, "test", Path.Combine("rules", "a.rules"));
        Assert.Contains("1 passed, 0 failed", test.Output);
    }

    [Fact]
    public void Test_WithRule_RunsThatRulesExamplesAndSuggestsAMisspeltName()
    {
        var one = CommandRunner.Run("test", "--rule", "outcome");
        Assert.True(one.ExitCode == 0, one.Error + one.Output);
        Assert.Matches(@"(?m)^[1-9]\d* passed, 0 failed", one.Output);
        var all = CommandRunner.Run("test");
        Assert.NotEqual(all.Output.Split('\n')[^2], one.Output.Split('\n')[^2]);
        var misspelt = CommandRunner.Run("test", "--rule", "outcme");
        Assert.Equal(1, misspelt.ExitCode);
        Assert.Contains("no rule 'outcme' in rules; did you mean 'outcome'?", misspelt.Error);
    }

    [Fact]
    public void Check_WithoutARulesFolder_SaysHowToNameOneAndAMissingFolderHasNoFakePosition()
    {
        var none = CommandRunner.RunIn(_temp, null, "check");
        Assert.Equal(1, none.ExitCode);
        Assert.Contains("no rules/ folder here; run from a project with rules/, or name the folder", none.Error);
        foreach (var command in new[] { new[] { "run" }, ["fields"], ["snapshot", "--snapshots", "s"] })
        {
            var elsewhere = CommandRunner.RunIn(_temp, null, command);
            Assert.Contains("no rules/ folder here; run from a project with rules/, or give the rule folder: --rules path/to/rules", elsewhere.Error);
        }
        var missing = CommandRunner.RunIn(_temp, null, "check", "nothere");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nothere: error: ", missing.Error);
        Assert.DoesNotContain(":0:0", missing.Error);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("snapshot")]
    public void Jobs_BelowOne_IsAUsageError(string command)
    {
        var outcome = command == "run" ? CommandRunner.Run("run", "seeds", "--jobs", "0") : CommandRunner.Run("snapshot", "seeds", "--snapshots", _temp, "--jobs", "0");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--jobs must be 1 or more", outcome.Error + outcome.Output);
    }

    [Fact]
    public void Run_WithAFreeSpacingRegex_IsADiagnosticNotAStackTrace()
    {
        RuleFolder.Write(_temp, "rules", ("r.rules", "rule r\n  match /(?x)a#comment/ -> m\n  emit x = text(m)\n"));
        File.WriteAllText(Path.Combine(_temp, "l.txt"), "a b c");
        var outcome = CommandRunner.RunIn(_temp, null, "run", "l.txt");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("r.rules:2:10: error: an inline option here changes how the rest of the regex reads", outcome.Error);
        Assert.DoesNotContain("Unhandled exception", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
    }

    [Fact]
    public void Fields_ListsTheSchemaWithItsWritersAndCountsPerLetterKind()
    {
        var schema = CommandRunner.Run("fields");
        Assert.True(schema.ExitCode == 0, schema.Error);
        Assert.Matches(@"(?m)^rating\.grade\s+int\s+rating$", schema.Output);
        Assert.Matches(@"(?m)^outcomes\[\]\.area\s+text\s+outcome$", schema.Output);
        var counted = CommandRunner.Run("fields", "seeds");
        Assert.Contains("5 letter(s): 1 apa, 4 rating", counted.Output);
        Assert.Matches(@"(?m)^rating\.grade\s+int\s+rating\s+apa 0 of 1, rating 4 of 4$", counted.Output);
        Assert.Matches(@"(?m)^outcomes\[\]\.grade\s+int\s+outcome\s+apa 1 of 1, rating 0 of 4$", counted.Output);
    }
}
