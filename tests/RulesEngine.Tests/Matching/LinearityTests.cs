using RulesEngine.Matching;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Matching;

/// <summary>
/// Matching cost grows linearly with the letter, whatever the pattern: counted in VM steps,
/// not timed, so the result does not depend on the machine.
/// </summary>
public class LinearityTests
{
    private static long Steps(string rules, int repeats)
    {
        var program = Rules.Compile(rules);
        var text = string.Concat(Enumerable.Repeat("a a a a b a a a a b\n", repeats));
        DocumentMatcher.Run(program, LetterReader.Read("long", text), null, out var steps);
        return steps;
    }

    [Theory]
    [InlineData("((\"a\"+)+ (\"a\" | \"b\")*)+ \"b\" \"b\"")]
    [InlineData("(any+ any*)* \"b\" \"b\"")]
    [InlineData("(\"a\" | \"a\" \"a\" | any)+ followed by (\"never\")")]
    public void NestedStars_OverALongLetter_CostStepsLinearInItsLength(string pattern)
    {
        var rules = $"rule pathological\n  match ({pattern}) -> m\n  emit hit = text(m)";
        var small = Steps(rules, 250);
        var large = Steps(rules, 1000);
        var ratio = (double)large / small;
        Assert.InRange(ratio, 3.5, 4.5);
    }

    [Fact]
    public void RulesThatCannotStartAnywhere_AreNeverTried()
    {
        var extra = string.Concat(Enumerable.Range(0, 500).Select(i => $"rule never{i}\n  match \"zz{i}\" word\n  emit x = 1\n"));
        var baseRule = "rule r\n  match \"a\" \"b\" -> m\n  emit hits[] = text(m)\n";
        Assert.Equal(Steps(baseRule, 200), Steps(baseRule + extra, 200));
    }
}
