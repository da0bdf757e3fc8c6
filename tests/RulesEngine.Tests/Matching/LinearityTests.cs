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

    /// <summary>A letter of sections with sentences, list items and a table whose cells hold bullets, repeated.</summary>
    private const string StructuredUnit = "## Heading x\n\na a b a c. a b a a c a.\n\n- a b c\n- b a a\n\na\tb \u2022 a \u2022 c\tc\nb\ta\ta c\n\n";

    private static (long Steps, int Tokens) StructuredSteps(string rules, int repeats)
    {
        var program = Rules.Compile(rules);
        var letter = LetterReader.Read("long", string.Concat(Enumerable.Repeat(StructuredUnit, repeats)));
        DocumentMatcher.Run(program, letter, null, out var steps, out var context);
        return (steps + context.PlacesVisited, letter.Tokens.Length);
    }

    /// <summary>
    /// Scope chains, conditions, lookarounds and repetitions at their limits, and a rule with a
    /// match at every token: four times the letter costs about four times the steps (VM steps and
    /// the places looked at while resolving scopes), with a bounded cost per token.
    /// </summary>
    [Theory]
    [InlineData("within section\n  within sentence", "\"a\"")]
    [InlineData("within table\n  within cell\n  within item", "\"a\"")]
    [InlineData("within section where after \"heading\"", "\"a\"")]
    [InlineData("within section where heading matches \"heading\" any\n  within paragraph", "\"a\"")]
    [InlineData("", "\"c\" preceded by (\"b\" ... up to 250 \"a\")")]
    [InlineData("", "\"c\" not preceded by (\"b\" any{40})")]
    [InlineData("", "\"a\" followed by (... up to 250 \"c\")")]
    [InlineData("", "(\"a\" | \"b\"){1,50} \"c\"")]
    [InlineData("", "any{50}")]
    [InlineData("", "\"a\" ... up to 255 \"c\"")]
    [InlineData("", "any")]
    public void ScopeAndLookaroundShapes_CostStepsLinearInTheLetter(string scopes, string pattern)
    {
        foreach (var phase in new[] { "", "p" })
        {
            var rules = (phase.Length > 0 ? "phase p longest\n" : "") + "rule r\n" + (phase.Length > 0 ? "  phase p\n" : "") +
                        (scopes.Length > 0 ? $"  {scopes}\n" : "") + $"  match ({pattern}) -> m\n  emit hits[] = text(m)";
            var (small, _) = StructuredSteps(rules, 250);
            var (large, largeTokens) = StructuredSteps(rules, 1000);
            Assert.InRange((double)large / small, 3.5, 4.6);
            Assert.InRange(large / largeTokens, 0, 500);
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
