using System.Text.RegularExpressions;
using RulesEngine.Examples;
using RulesEngine.Language.Compilation;

namespace RulesEngine.Tests.Language;

/// <summary>Every `rules` code block in docs/rule-language.md compiles, and its examples pass: the docs cannot drift.</summary>
public partial class DocsExampleTests
{
    [GeneratedRegex(@"```rules\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex RulesBlock();

    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < RulesBlock().Matches(Doc()).Count; i++) data.Add(i);
        return data;
    }

    private static string Doc() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "rule-language.md"));

    [Fact]
    public void RuleLanguageDoc_HasRuleBlocks() => Assert.True(RulesBlock().Matches(Doc()).Count >= 3);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void RuleBlockInTheDocs_CompilesAndItsExamplesPass(int block)
    {
        var text = RulesBlock().Matches(Doc())[block].Groups[1].Value;
        var compilation = RuleCompiler.CompileText($"rule-language.md block {block + 1}", text);
        Assert.True(compilation.Succeeded, compilation.Format());
        var failures = ExampleRunner.RunAll(compilation.Program!).Where(r => r.Status is ExampleStatus.Failed or ExampleStatus.TodoNowPasses);
        Assert.Empty(failures.Select(f => $"{f.Example.Location}: {f.Status} {string.Join("; ", f.Problems)}"));
    }
}
