using System.CommandLine;
using RulesEngine.Examples;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine test [RULEDIR]`: runs the examples written in the rule files.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var folder = RuleOptions.RulesArgument();
        var command = new Command("test", "Run the examples inside the rule files; show each failure with expected and actual values.\n\nExamples:\n  rulesengine test\n  rulesengine test rules/")
        {
            folder,
        };
        command.SetAction(parse =>
        {
            var compilation = RuleOptions.Compile(parse.GetValue(folder)!, Console.Error);
            if (compilation.Program is null) return 1;
            var results = ExampleRunner.RunAll(compilation.Program);
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
            var todo = results.Length - passed - failed;
            Console.Out.WriteLine(todo > 0 ? $"{passed} passed, {failed} failed, {todo} todo" : $"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
