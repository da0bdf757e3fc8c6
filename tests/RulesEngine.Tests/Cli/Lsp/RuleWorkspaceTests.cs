using RulesEngine.Cli.Lsp;

namespace RulesEngine.Tests.Cli.Lsp;

/// <summary>The language server's answers, in process: the same diagnostics as `check`, and the declarations behind names.</summary>
public sealed class RuleWorkspaceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rulesengine-workspace-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Rules = """
        output { grade: int, council: text }

        rule grade
          match "grade is" grade_word -> g
          emit grade = value(g)

        lexicon grade_word { good => 3  adequate => 2 }

        example grade "The grade is good."
          expect grade = 3
        """;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return RuleWorkspace.UriOf(path);
    }

    [Fact]
    public void AnOpenFilesUnsavedText_IsChecked_AndItsErrorsClearWhenFixed()
    {
        var uri = Write("grades.rules", Rules);
        var workspace = new RuleWorkspace();
        workspace.Open(uri, Rules.Replace("grade_word -> g", "grade_wrd -> g"));

        var broken = workspace.Check(uri)[uri];

        var error = Assert.Single(broken);
        Assert.Equal("RE2001", error.Code);
        Assert.Equal(new Position(3, 19), error.Range.Start);
        Assert.Contains("did you mean 'grade_word'?", error.Message);
        workspace.Open(uri, Rules);
        Assert.Empty(workspace.Check(uri)[uri]);
    }

    [Fact]
    public void AFailingExample_IsAnErrorAtItsExpectLine_AndABrokenImportedFileIsReportedOnItsOwnUri()
    {
        var uri = Write("main.rules", "import \"other.rules\"\n" + Rules.Replace("expect grade = 3", "expect grade = 2"));
        var other = Write("other.rules", "lexicon spare { x }\nrule broken\n  match \"a\" % \"b\"\n  emit council = \"a\"\n");
        var workspace = new RuleWorkspace();
        workspace.Open(uri, File.ReadAllText(RuleWorkspace.PathOf(uri)));

        var diagnostics = workspace.Check(uri);

        Assert.Equal("RE1002", Assert.Single(diagnostics[other]).Code);
        File.WriteAllText(RuleWorkspace.PathOf(other), "lexicon spare { x }\n");
        var example = Assert.Single(workspace.Check(uri)[uri], d => d.Code == "example");
        Assert.Equal(10, example.Range.Start.Line);
        Assert.Contains("expected 2", example.Message);
    }

    [Fact]
    public void HoverDefinitionReferencesSymbolsAndCompletion_NameWhatTheRulesDeclare()
    {
        var uri = Write("grades.rules", Rules);
        var workspace = new RuleWorkspace();
        workspace.Open(uri, Rules);
        workspace.Check(uri);
        var onLexicon = new Position(3, 24);

        Assert.Contains("lexicon grade_word", workspace.HoverAt(uri, onLexicon)!.Contents.Value);
        Assert.Contains("good => 3", workspace.HoverAt(uri, onLexicon)!.Contents.Value);
        Assert.Contains("the capture's value", workspace.HoverAt(uri, new Position(4, 17))!.Contents.Value);
        Assert.Equal(6, Assert.Single(workspace.Definition(uri, onLexicon)).Range.Start.Line);
        Assert.Equal(2, workspace.References(uri, onLexicon).Length);
        Assert.Equal(["output", "grade", "grade_word", "example grade"], workspace.Symbols(uri).Select(s => s.Name));
        Assert.Contains(workspace.Complete(uri, new Position(4, 7)), c => c.Label == "council");
        Assert.Contains(workspace.Complete(uri, new Position(3, 4)), c => c.Label == "grade_word");
    }
}
