using RulesEngine.Diagnostics;
using RulesEngine.Language.Compilation;
using RulesEngine.Matching;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Tests.Support;

/// <summary>Compiles a small rule text and runs it over a small letter text, for tests of one language feature.</summary>
public static class Rules
{
    public static RuleProgram Compile(string rules)
    {
        var compilation = RuleCompiler.CompileText("test.rules", rules);
        Assert.True(compilation.Succeeded, compilation.Format());
        return compilation.Program!;
    }

    public static LetterResult Run(string rules, string text) => DocumentMatcher.Run(Compile(rules), LetterReader.Read("letter", text));

    /// <summary>The record as compact JSON, the easiest form to assert on.</summary>
    public static string Json(string rules, string text) => Run(rules, text).Record.ToJson();

    public static IReadOnlyList<Diagnostic> Diagnose(string rules) => RuleCompiler.CompileText("test.rules", rules).Diagnostics;

    public static Diagnostic SingleError(string rules)
    {
        var errors = Diagnose(rules).Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", errors));
        return errors[0];
    }
}
