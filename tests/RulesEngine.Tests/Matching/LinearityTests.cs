using RulesEngine.Benchmarks;
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

    public static TheoryData<int> Shapes => [.. Enumerable.Range(0, LinearityShapes.All.Length)];

    private static long ShapeSteps(int shape, bool longest, int units, out int tokens)
    {
        var letter = LinearityShapes.Letter(units);
        tokens = letter.Tokens.Length;
        DocumentMatcher.Run(LinearityShapes.Program(LinearityShapes.All[shape], longest), letter, null, out var steps, out var context);
        return steps + context.PlacesVisited;
    }

    /// <summary>
    /// Scope chains, conditions, lookarounds and repetitions at their limits, and a rule with a
    /// match at every token (<see cref="LinearityShapes"/>): four times the letter costs about four
    /// times the steps (VM steps and the places looked at while resolving scopes), with a bounded
    /// cost per token, in an `all` phase and a `longest` one.
    /// </summary>
    [Theory]
    [MemberData(nameof(Shapes))]
    public void ScopeAndLookaroundShapes_CostStepsLinearInTheLetter(int shape)
    {
        foreach (var longest in new[] { false, true })
        {
            var small = ShapeSteps(shape, longest, 250, out _);
            var large = ShapeSteps(shape, longest, 1000, out var tokens);
            Assert.InRange((double)large / small, 3.5, 4.6);
            Assert.InRange(large / tokens, 0, 500);
        }
    }

    [Fact]
    public void ARuleMatchingEveryToken_KeepsEveryMatch_InALongestPhase()
    {
        var result = Rules.Run("phase p longest\nrule r\n  phase p\n  match word -> m\n  emit hits[] = text(m)", string.Concat(Enumerable.Repeat("a b ", 20_000)));
        Assert.Equal(40_000, ((RulesEngine.Output.ListValue)result.Record["hits"]!).Items.Length);
    }

    [Fact]
    public void RulesThatCannotStartAnywhere_AreNeverTried()
    {
        var extra = string.Concat(Enumerable.Range(0, 500).Select(i => $"rule never{i}\n  match \"zz{i}\" word\n  emit x = 1\n"));
        var baseRule = "rule r\n  match \"a\" \"b\" -> m\n  emit hits[] = text(m)\n";
        Assert.Equal(Steps(baseRule, 200), Steps(baseRule + extra, 200));
    }
}
