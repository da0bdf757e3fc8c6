using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Language;

/// <summary>Cascaded phases, annotations, and the conflict modes that decide between overlapping matches.</summary>
public class PhaseTests
{
    /// <summary>A date annotated in one phase and read in the next (also the setting of <see cref="ExampleRunnerTests"/>).</summary>
    internal const string DateAnnotatedInAnEarlierPhase = """
        phase values longest
        phase extract
        lexicon month { december => 12 }
        rule date
          phase values
          match (number month /\d{4}/) -> d
          annotate Date = date(d)
        rule dated
          phase extract
          match "dated" @Date -> d
          emit date = value(d)
        """;

    [Fact]
    public void Annotation_FromAnEarlierPhase_IsMatchedByALaterOne() =>
        Assert.Equal("""{"date":"2009-12-09"}""", Rules.Json(DateAnnotatedInAnEarlierPhase, "This letter is dated 9 December 2009."));

    /// <summary>An annotation as long as a match can be (here 200 tokens) is matched whole by `@Name` and seen whole by lookarounds.</summary>
    [Theory]
    [InlineData("\"see\" @Quote \"end\"", true)]
    [InlineData("preceded by (@Quote) \"end\"", false)]
    [InlineData("preceded by (\"see\" @Quote) \"end\"", false)]
    [InlineData("\"see\" followed by (@Quote \"end\")", false)]
    public void LongAnnotation_IsMatchedWholeByNameAndByLookarounds(string pattern, bool whole)
    {
        var rules = $"""
            phase spans
            phase extract
            rule quote
              phase spans
              match ("begin" word+ "stop") -> q
              annotate Quote
            rule use
              phase extract
              match ({pattern}) -> m
              emit hits[] = text(m)
            """;
        var quote = "begin " + string.Concat(Enumerable.Repeat("word ", 198)) + "stop";
        var expected = whole ? $"see {quote} end" : pattern.StartsWith("preceded") ? "end" : "see";
        Assert.Equal($$"""{"hits":["{{expected}}"]}""", Rules.Json(rules, $"see {quote} end"));
    }

    [Fact]
    public void LongestMode_KeepsTheLongestOfOverlappingMatches()
    {
        const string rules = """
            phase p longest
            rule short
              phase p
              match "good" -> m
              emit hits[] { rule: "short", text: text(m) }
            rule long
              phase p
              match ("good" "or" "better") -> m
              emit hits[] { rule: "long", text: text(m) }
            """;
        Assert.Equal("""{"hits":[{"rule":"long","text":"good or better"},{"rule":"short","text":"good"}]}""",
            Rules.Json(rules, "good or better, and good"));
    }

    [Fact]
    public void FirstMode_TakesTheHighestPriorityRuleAtEachPlace()
    {
        const string rules = """
            phase p first
            rule general
              phase p
              match "good" word -> m
              emit hits[] { rule: "general", text: text(m) }
            rule specific
              phase p
              priority 5
              match "good" -> m
              emit hits[] { rule: "specific", text: text(m) }
            """;
        Assert.Equal("""{"hits":[{"rule":"specific","text":"good"}]}""", Rules.Json(rules, "good work"));
    }

    [Fact]
    public void AllMode_KeepsEveryRulesMatches()
    {
        const string rules = """
            rule a
              match "good" -> m
              emit a = text(m)
            rule b
              match ("good" "work") -> m
              emit b = text(m)
            """;
        Assert.Equal("""{"a":"good","b":"good work"}""", Rules.Json(rules, "good work"));
    }

    [Fact]
    public void SameRule_MatchesDoNotOverlapAndAreFoundLeftToRight() =>
        Assert.Equal("""{"hits":["a b","a b"]}""", Rules.Json("rule r\n  match (\"a\" \"b\"?) -> m\n  emit hits[] = text(m)", "a b a b"));

    [Fact]
    public void EqualPriorityRulesWritingTheSameField_AreReportedAsAPossibleTie()
    {
        const string rules = """
            phase p longest
            rule a
              phase p
              match "good" -> m
              emit grade = text(m)
            rule b
              phase p
              match "good" -> m
              emit grade = lower(m)
            """;
        // Besides each rule's missing example (RE3103).
        var warning = Assert.Single(Rules.Diagnose(rules), d => d.Code != "RE3103");
        Assert.Equal("RE3101", warning.Code);
        Assert.Contains("rules 'a' and 'b' can match the same text", warning.Message);
    }
}
