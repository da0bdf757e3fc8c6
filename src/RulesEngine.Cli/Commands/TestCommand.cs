using System.CommandLine;
using RulesEngine.Examples;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine test [RULEDIR]`: runs the examples written in the rule files.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var folder = RuleOptions.RulesArgument();
        var rules = RuleOptions.RulesOptionWithoutDefault();
        var rule = new Option<string?>("--rule") { Description = "Run only this rule's examples." };
        var command = new Command("test", """
            Run the examples inside the rule files; show each failure with expected and actual values.
            Exit code: 0 when no example fails (todo examples never fail), 1 otherwise.

            Examples:
              rulesengine test
              rulesengine test --rules rules/
              rulesengine test rules/letters/apa.rules
              rulesengine test --rule outcome
            """)
        {
            folder, rules, rule,
        };
        command.SetAction(parse =>
        {
            if (RuleOptions.ResolveTarget(parse.GetValue(folder), parse.GetValue(rules), Console.Error) is not { } target) return 1;
            var compilation = RuleOptions.Compile(target.Folder, Console.Error);
            if (compilation.Program is null) return 1;
            var only = parse.GetValue(rule);
            if (only is not null && !compilation.Program.Model.Rules.Any(r => r.Name == only))
            {
                var nearest = RulesEngine.Diagnostics.NameSuggester.Nearest(only, compilation.Program.Model.Rules.Select(r => r.Name));
                Console.Error.WriteLine($"rulesengine: error: no rule '{only}' in {target.Folder}" + (nearest is null ? "" : $"; did you mean '{nearest}'?"));
                return 1;
            }
            var results = ExampleRunner.RunAll(compilation.Program)
                .Where(r => (only is null || r.Example.RuleName == only) && RuleOptions.Shows(target, r.Example.Location.File)).ToList();
            foreach (var result in results.Where(r => r.Status != ExampleStatus.Passed))
            {
                var label = result.Status switch
                {
                    ExampleStatus.Failed => "FAIL",
                    ExampleStatus.Todo => "TODO",
                    _ => "TODO (now passes: remove 'todo')",
                };
                Console.Out.WriteLine($"{result.Example.Location}: {label} example for rule '{result.Example.RuleName}'");
                foreach (var problem in result.Problems) Console.Out.WriteLine($"    {problem}");
            }
            var passed = results.Count(r => r.Status == ExampleStatus.Passed);
            var failed = results.Count(r => r.Status == ExampleStatus.Failed);
            var todo = results.Count - passed - failed;
            Console.Out.WriteLine(todo > 0 ? $"{passed} passed, {failed} failed, {todo} todo" : $"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
