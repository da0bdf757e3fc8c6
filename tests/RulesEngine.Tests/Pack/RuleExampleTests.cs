using RulesEngine.Examples;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

/// <summary>The examples written in the rule files run as part of the test suite, one test each.</summary>
public class RuleExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in Support.Pack.Program.Model.Examples) data.Add(example.Location.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_InTheRulePack_GivesItsExpectedValues(string location)
    {
        var example = Support.Pack.Program.Model.Examples.Single(e => e.Location.ToString() == location);
        var result = ExampleRunner.Run(Support.Pack.Program, example);
        Assert.True(result.Status is ExampleStatus.Passed or ExampleStatus.Todo,
            $"{location}: example for '{example.RuleName}' {result.Status}:\n" + string.Join("\n", result.Problems));
    }
}
