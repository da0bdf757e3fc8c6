using System.CommandLine;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine check [RULEDIR]`: every diagnostic in a rule pack, exit 1 on errors.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var folder = RuleOptions.RulesArgument();
        var command = new Command("check", "Check rule files and report every error and warning with its position.\n\nExamples:\n  rulesengine check\n  rulesengine check rules/")
        {
            folder,
        };
        command.SetAction(parse =>
        {
            var compilation = RuleOptions.Compile(parse.GetValue(folder)!, Console.Error);
            var errors = compilation.Diagnostics.Count(d => d.IsError);
            var warnings = compilation.Diagnostics.Length - errors;
            Console.Out.WriteLine($"{compilation.Sources.Count} rule file(s): {errors} error(s), {warnings} warning(s)");
            return errors == 0 ? 0 : 1;
        });
        return command;
    }
}
