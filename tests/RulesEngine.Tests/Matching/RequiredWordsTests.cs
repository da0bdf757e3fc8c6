using RulesEngine.Matching;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Matching;

/// <summary>
/// A rule is not run where the tokens it could cover lack a word every match must consume.
/// Counted in VM steps (not timed), and checked against the matches found, which must not change.
/// </summary>
public class RequiredWordsTests
{
    private static (long Steps, string Json) Run(string rules, string text)
    {
        var result = DocumentMatcher.Run(Rules.Compile(rules), LetterReader.Read("letter", text), null, out var steps);
        return (steps, result.Record.ToJson());
    }

    private const string ComparisonRule = """
        lexicon comparator { "similar areas", "the national average" }
        rule indicator
          within sentence
          match (!("is" | "."))+ -> statement "is" ("above" | "below") comparator -> against
          emit hits[] = text(against)
        """;

    [Fact]
    public void RuleWhoseRequiredWordIsAbsentFromTheLetter_RunsNoSteps()
    {
        var (steps, json) = Run(ComparisonRule, "Attendance is above what it was. Most care is good.");
        Assert.Equal(0, steps);
        Assert.Equal("{}", json);
    }

    [Fact]
    public void SentencesWithoutTheRequiredWords_AddNoSteps()
    {
        const string hit = "Attendance is above similar areas. ";
        const string miss = "Attendance at the many local schools is above what it was. ";
        var alone = Run(ComparisonRule, hit);
        var among = Run(ComparisonRule, string.Concat(Enumerable.Repeat(miss, 50)) + hit + string.Concat(Enumerable.Repeat(miss, 50)));
        Assert.True(alone.Steps > 0);
        Assert.Equal(alone.Steps, among.Steps);
        Assert.Equal("""{"hits":["similar areas"]}""", among.Json);
    }

    [Fact]
    public void RuleThatMayStartAnywhere_SkipsTheStartsItsRequiredWordIsOutOfReachOf()
    {
        // `any{0,3} "above"` may start at any token but covers at most five: in the one long
        // sentence that holds `above` (a small part of the letter, so the rule walks the sentence
        // rather than starting from the word) it is tried only near `above`; the next sentence's
        // match is still found.
        const string rule = "rule r\n  within sentence\n  match any{0,3} \"above\" number -> n\n  emit hits[] = text(n)";
        var other = string.Concat(Enumerable.Repeat("Most care in the area is good for children. ", 60));
        var text = $"{other}{string.Concat(Enumerable.Repeat("word ", 100))}rates are above 12 now. Rates were above 7. {other}";

        var result = DocumentMatcher.Run(Rules.Compile(rule), LetterReader.Read("letter", text), null, out _, out var context);

        Assert.Equal("""{"hits":["12","7"]}""", result.Record.ToJson());
        Assert.InRange(context.Considered, 1, 30);
    }

    [Fact]
    public void LexiconEntry_IsFoundWhenItsRequiredWordIsNotItsFirst() =>
        // `the national average` is required by its longest word, `national`, not by `the`.
        Assert.Equal("""{"hits":["the national average","similar areas"]}""",
            Run(ComparisonRule, "Attendance is below the national average. Exclusion is above similar areas.").Json);

    [Fact]
    public void OptionalWords_AreNotRequired() =>
        Assert.Equal("""{"hits":["12"]}""",
            Run("rule r\n  match \"about\"? number -> n\n  emit hits[] = text(n)", "There were 12 visits.").Json);

    [Fact]
    public void WordsInOnlySomeAlternatives_AreNotRequired() =>
        Assert.Equal("""{"hits":["the school","a home"]}""",
            Run("rule r\n  match (\"the\" \"school\" | \"a\" \"home\") -> m\n  emit hits[] = text(m)", "the school and a home").Json);

    [Fact]
    public void ALexiconInEveryAlternative_IsRequired()
    {
        const string rules = "lexicon month { january, december }\nrule date\n  match (number month number | month number \",\" number) -> d\n  emit hits[] = text(d)";
        Assert.Equal(["december january"], Rules.Compile(rules).Rules.Single().Required.Select(set => string.Join(' ', set)));
        Assert.Equal("""{"hits":["9 December 2009","January 5, 2010"]}""", Run(rules, "Dated 9 December 2009 and January 5, 2010; 12 13 14.").Json);
        Assert.Equal(0, Run(rules, "Rated 3 out of 4 in 2009.").Steps);
    }

    [Fact]
    public void RequiredSets_AreTheWordsOnEveryPathToAMatch()
    {
        var rule = Rules.Compile(ComparisonRule).Rules.Single();
        Assert.Equal(["is", "above below", "national similar"], rule.Required.Select(set => string.Join(' ', set)));
    }

    [Fact]
    public void RequiredSets_ComeInTheOrderEveryMatchConsumesThem()
    {
        var rule = Rules.Compile(ComparisonRule).Rules.Single();
        Assert.True(rule.RequiredInOrder);
        // The same words in either order: both are required, neither comes first.
        var either = Rules.Compile("rule r\n  match (\"school\" \"is\" \"good\" | \"good\" \"is\" \"school\")\n  emit hits[] = \"x\"").Rules.Single();
        Assert.Equal(["good", "is", "school"], either.Required.Select(set => string.Join(' ', set)).Order());
        Assert.False(either.RequiredInOrder);
    }

    [Fact]
    public void SentenceHoldingTheRequiredWordsOutOfOrder_AddsNoSteps()
    {
        // `above`, `similar` and `is` all occur in the second sentence, but never `is` before
        // `above` before `similar`: no match can start there, so the VM is not run in it.
        const string hit = "Attendance is above similar areas. ";
        const string scrambled = "Above all, similar schools in the area say attendance is high. ";
        var alone = Run(ComparisonRule, hit);
        var among = Run(ComparisonRule, string.Concat(Enumerable.Repeat(scrambled, 20)) + hit);
        Assert.Equal(alone.Steps, among.Steps);
        Assert.Equal("""{"hits":["similar areas"]}""", among.Json);
    }

    [Fact]
    public void SharedScopes_FoundAroundTheRarestWord_AreThoseThatHoldEveryRequiredSet()
    {
        // Every pack rule with required words and a chain of scopes shared across rules, in every
        // seed: finding the places around the rarest word's occurrences keeps exactly the places
        // that testing each one keeps.
        var compared = 0;
        var dropped = 0;
        foreach (var seed in Seeds.Names)
        {
            var document = LetterReader.Read(seed, Seeds.Text(seed));
            var context = new MatchContext(Support.Pack.Program, document);
            foreach (var rule in Support.Pack.Program.Rules)
            {
                if (rule.Scopes.IsEmpty || rule.Scopes.Any(scope => !scope.Conditions.IsEmpty)) continue;
                if (RequiredReach.For(context, rule) is not { Possible: true } reach) continue;
                var shared = ScopeResolver.Resolve(context, rule.Scopes);
                if (shared.Zip(shared.Skip(1)).Any(pair => pair.Second.Range.Start < pair.First.Range.End)) continue;
                var expected = ScopeResolver.WithRequiredWords(shared, reach, []);
                var found = ScopeResolver.AroundRarestWords(shared, RequiredReach.For(context, rule)!, []);
                Assert.True(expected.SequenceEqual(found), $"{rule.Name} in {seed}: {expected.Count} places by testing each, {found.Count} around the rarest word");
                compared++;
                dropped += shared.Count - found.Count;
            }
        }
        Assert.True(compared > 20, $"only {compared} rule and letter pairs compared");
        Assert.True(dropped > 100, $"only {dropped} places left out");
    }
}
