using RulesEngine.Language.Compilation;
using RulesEngine.Matching;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Tests.Support;

/// <summary>The Ofsted rule pack from rules/, compiled once for all tests.</summary>
public static class Pack
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "rules");

    private static readonly Lazy<Compilation> Compiled = new(() => RuleCompiler.CompileFolder(Folder));

    public static Compilation Compilation => Compiled.Value;

    public static RuleProgram Program => Compilation.Program ?? throw new InvalidOperationException(Compilation.Format());

    public static LetterResult Run(string name, string text) => DocumentMatcher.Run(Program, LetterReader.Read(name, text));
}
