using System.CommandLine;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Compilation;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine check [RULES]`: every diagnostic in a rule pack (or one of its files), exit 1 on errors.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var folder = RuleOptions.RulesArgument();
        var rules = RuleOptions.RulesOptionWithoutDefault();
        var command = new Command("check", """
            Check rule files and report every error and warning with its position.
            Exit code: 0 without errors (warnings allowed), 1 with errors.

            Examples:
              rulesengine check
              rulesengine check rules/
              rulesengine check --rules rules/
              rulesengine check rules/letters/apa.rules
            """)
        {
            folder, rules,
        };
        command.SetAction(parse =>
        {
            if (RuleOptions.ResolveTarget(parse.GetValue(folder), parse.GetValue(rules), Console.Error) is not { } target) return 1;
            var compilation = RuleCompiler.CompileFolder(target.Folder);
            // A rule file asked about: its own diagnostics, and errors elsewhere only counted (they stop the pack compiling).
            var shown = compilation.Diagnostics.Where(d => RuleOptions.Shows(target, d.Location.File)).ToList();
            Console.Error.Write(string.Concat(shown.Select(d => DiagnosticFormatter.Format(d, file => compilation.Sources.GetValueOrDefault(file)))));
            var errors = shown.Count(d => d.IsError);
            var warnings = shown.Count - errors;
            var elsewhere = compilation.Diagnostics.Count(d => d.IsError) - errors;
            Console.Out.WriteLine(target.File is null
                ? $"{compilation.Sources.Count} rule file(s): {errors} error(s), {warnings} warning(s)"
                : $"{Path.GetRelativePath(Environment.CurrentDirectory, target.File)}: {errors} error(s), {warnings} warning(s)" + (elsewhere > 0 ? $"; {elsewhere} error(s) in other files of {target.Folder} (check the folder to see them)" : ""));
            return errors + elsewhere == 0 ? 0 : 1;
        });
        return command;
    }
}
