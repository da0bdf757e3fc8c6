using System.CommandLine;
using RulesEngine.Language.Compilation;

namespace RulesEngine.Cli.Commands;

/// <summary>The rule folder argument and the compile-and-report step shared by commands.</summary>
internal static class RuleOptions
{
    public const string DefaultRules = "rules";

    public static Option<string> RulesOption() => new("--rules", "-r")
    {
        Description = "The rule folder (every *.rules file in it, and what they import).",
        DefaultValueFactory = _ => DefaultRules,
    };

    public static Argument<string> RulesArgument() => new("rule-folder")
    {
        Description = "The rule folder to use.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => DefaultRules,
    };

    /// <summary>Compiles and prints every diagnostic to stderr; null when there were errors.</summary>
    public static Compilation Compile(string folder, TextWriter error)
    {
        var compilation = RuleCompiler.CompileFolder(folder);
        if (!compilation.Diagnostics.IsEmpty) error.Write(compilation.Format());
        return compilation;
    }
}
