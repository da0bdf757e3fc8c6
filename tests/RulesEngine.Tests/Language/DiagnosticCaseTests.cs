using RulesEngine.Language.Compilation;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Language;

/// <summary>
/// Each broken rule file under Cases/diagnostics has its expected diagnostics, exactly as
/// `rulesengine check` prints them, in a snapshot beside it.
/// </summary>
public class DiagnosticCaseTests
{
    private static string CaseFolder => Path.Combine(AppContext.BaseDirectory, "Language", "Cases", "diagnostics");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CaseFolder, "*.rules").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    [Fact]
    public void CaseFolder_IsNotEmpty() => Assert.NotEmpty(Cases());

    [Theory]
    [MemberData(nameof(Cases))]
    public void BrokenRuleFile_GivesItsExpectedDiagnostics(string name)
    {
        var text = File.ReadAllText(Path.Combine(CaseFolder, name + ".rules"));
        var compilation = RuleCompiler.CompileText(name + ".rules", text);
        Assert.False(compilation.Succeeded);
        Snapshot.Verify(name, compilation.Format(), Path.Combine("Cases", "diagnostics"), "txt");
    }
}
