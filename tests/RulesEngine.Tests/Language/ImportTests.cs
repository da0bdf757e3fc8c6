using RulesEngine.Language.Compilation;

namespace RulesEngine.Tests.Language;

/// <summary>Imports join rule files into one pack, and can never reach outside the rule folder.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rules-import-").FullName;
    private readonly string _rules;

    public ImportTests()
    {
        _rules = Path.Combine(_root, "rules");
        Directory.CreateDirectory(Path.Combine(_rules, "common"));
        File.WriteAllText(Path.Combine(_rules, "common", "grades.rules"), "lexicon grade_word { good => 3 }\n");
        File.WriteAllText(Path.Combine(_root, "secret.rules"), "lexicon secret { x }\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Compilation CompileMain(string main)
    {
        File.WriteAllText(Path.Combine(_rules, "main.rules"), main);
        return RuleCompiler.CompileFolder(_rules);
    }

    [Fact]
    public void Import_RelativeToTheImportingFile_MakesItsNamesVisible()
    {
        var compilation = CompileMain("import \"common/grades.rules\"\nrule r\n  match grade_word -> g\n  emit grade = value(g)\n");
        Assert.True(compilation.Succeeded, compilation.Format());
        Assert.Equal(2, compilation.Sources.Count);
    }

    [Fact]
    public void Import_LeavingTheRuleFolder_IsRejected()
    {
        var error = Assert.Single(CompileMain("import \"../secret.rules\"\n").Errors);
        Assert.Equal("RE2008", error.Code);
        Assert.Contains("points outside the rule folder", error.Message);
    }

    [Fact]
    public void Import_OfAnAbsolutePath_IsRejected()
    {
        var error = Assert.Single(CompileMain($"import \"{Path.Combine(_root, "secret.rules")}\"\n").Errors);
        Assert.Equal("RE2008", error.Code);
    }

    [Fact]
    public void Import_ThroughALinkPointingOutside_IsRejected()
    {
        File.CreateSymbolicLink(Path.Combine(_rules, "common", "link.rules"), Path.Combine(_root, "secret.rules"));
        var error = Assert.Single(CompileMain("import \"common/link.rules\"\n").Errors);
        Assert.Contains("through a link to a file outside the rule folder", error.Message);
    }

    [Fact]
    public void Import_ThroughALinkedFolderPointingOutside_IsRejected()
    {
        // The file itself is no link; the folder on its way is.
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere"));
        File.WriteAllText(Path.Combine(_root, "elsewhere", "plain.rules"), "lexicon secret { x }\n");
        Directory.CreateSymbolicLink(Path.Combine(_rules, "linked"), Path.Combine(_root, "elsewhere"));
        var error = Assert.Single(CompileMain("import \"linked/plain.rules\"\n").Errors);
        Assert.Equal("RE2008", error.Code);
        Assert.DoesNotContain(RuleCompiler.CompileFolder(_rules).Sources.Keys, k => k.Contains("plain.rules"));
    }

    [Fact]
    public void RuleFolder_WithALinkBackToItself_IsWalkedOnce()
    {
        Directory.CreateSymbolicLink(Path.Combine(_rules, "common", "loop"), _rules);
        var compilation = CompileMain("import \"common/grades.rules\"\nrule r\n  match grade_word -> g\n  emit grade = value(g)\nexample r \"good\" expect grade = 3\n");
        Assert.Empty(compilation.Errors);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Location.File.Contains("loop"));
    }

    [Fact]
    public void RuleFileBehindALinkToOutside_IsNotAdvisedToBeImported()
    {
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere"));
        File.WriteAllText(Path.Combine(_root, "elsewhere", "plain.rules"), "lexicon secret { x }\n");
        Directory.CreateSymbolicLink(Path.Combine(_rules, "linked"), Path.Combine(_root, "elsewhere"));
        var compilation = CompileMain("rule r\n  match \"good\"\n  emit grade = 3\n");
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "RE3104" && d.Location.File.Contains("plain.rules"));
    }

    [Fact]
    public void RuleFileInTheFolder_ThatLinksOutside_IsRefusedNotRead()
    {
        File.CreateSymbolicLink(Path.Combine(_rules, "evil.rules"), Path.Combine(_root, "secret.rules"));
        var compilation = CompileMain("rule r\n  match \"good\"\n  emit grade = 3\n");
        var error = Assert.Single(compilation.Errors);
        Assert.Equal("RE2008", error.Code);
        Assert.DoesNotContain(compilation.Sources.Values, text => text.Contains("secret"));
    }

    [Fact]
    public async Task RuleFile_ThatIsANamedPipe_IsNotOpenedAndTheCheckFinishes()
    {
        var pipe = Path.Combine(_rules, "pipe.rules");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe)) await mkfifo.WaitForExitAsync();
        Assert.True(File.Exists(pipe));
        // Opening a pipe waits for a writer: the compile must not open it, so it finishes.
        var compilation = await Task.Run(() => CompileMain("rule r\n  match \"good\"\n  emit grade = 3\n")).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(compilation.Diagnostics, d => d.Message.Contains("not a regular file (a named pipe or a device)"));
    }

    [Fact]
    public void Import_OfAMissingFile_SuggestsTheNearestOne()
    {
        var error = Assert.Single(CompileMain("import \"common/grade.rules\"\n").Errors);
        Assert.Equal(("RE2009", "common/grades.rules"), (error.Code, error.Suggestion));
    }

    [Fact]
    public void Import_Cycle_LoadsEachFileOnce()
    {
        File.WriteAllText(Path.Combine(_rules, "common", "a.rules"), "import \"b.rules\"\nlexicon a { x }\n");
        File.WriteAllText(Path.Combine(_rules, "common", "b.rules"), "import \"a.rules\"\nlexicon b { y }\n");
        var compilation = CompileMain("import \"common/a.rules\"\nrule r\n  match a b -> m\n  emit m = text(m)\n");
        Assert.True(compilation.Succeeded, compilation.Format());
    }

    [Fact]
    public void RuleFileInASubfolder_ThatNothingImports_IsNamedWithTheImportThatWouldLoadIt()
    {
        File.WriteAllText(Path.Combine(_rules, "common", "email.rules"), "lexicon unused_here { x }\n");
        var compilation = CompileMain("import \"common/grades.rules\"\nrule r\n  match grade_word -> g\n  emit grade = value(g)\n");
        var warning = Assert.Single(compilation.Diagnostics, d => d.Code == "RE3104");
        Assert.EndsWith("email.rules", warning.Location.File);
        Assert.Contains("add `import \"common/email.rules\"` to", warning.Message);
        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code == "RE3104" && d.Location.File.EndsWith("grades.rules"));
    }
}
