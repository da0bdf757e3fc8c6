using RulesEngine.Diagnostics;
using RulesEngine.Language.Syntax;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Language;

/// <summary>
/// Every file in grammar/examples parses without errors to the tree in the snapshot beside it,
/// as antlr/grammars-v4 keeps them: a grammar change shows up as a reviewed tree diff.
/// </summary>
public class GrammarExampleTests
{
    private static string Folder => Snapshot.FolderBeside(Path.Combine("..", "..", "..", "grammar", "examples"));

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.rules").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Fact]
    public void ExamplesFolder_IsNotEmpty() => Assert.NotEmpty(Examples());

    [Theory]
    [MemberData(nameof(Examples))]
    public void GrammarExample_ParsesToItsExpectedTree(string name)
    {
        var diagnostics = new List<Diagnostic>();
        var tree = RuleFileParser.ParseTreeText(File.ReadAllText(Path.Combine(Folder, name + ".rules")), diagnostics);
        Assert.Empty(diagnostics);
        Snapshot.Verify(name, tree.Replace(") (", ")\n("), Path.Combine("..", "..", "..", "grammar", "examples"), "tree");
    }
}
