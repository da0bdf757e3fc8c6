using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Language;

/// <summary>Each pattern construct by itself, on small texts.</summary>
public class PatternTests
{
    private static string Hits(string pattern, string text) =>
        Rules.Json($"rule r\n  match ({pattern}) -> m\n  emit hits[] = text(m)", text);

    [Fact]
    public void Literal_IsCaseInsensitiveByDefault() =>
        Assert.Equal("""{"hits":["GOOD","Good"]}""", Hits("\"good\"", "GOOD and Good"));

    [Fact]
    public void ExactLiteral_MatchesOnlyTheSameCase() =>
        Assert.Equal("""{"hits":["Ofsted"]}""", Hits("exact \"Ofsted\"", "OFSTED and Ofsted"));

    [Fact]
    public void Phrase_MatchesItsWordsInSequenceAcrossLineBreaks() =>
        Assert.Equal("""{"hits":["in this area is"]}""", Hits("\"in this area is\"", "outcomes in this\narea is good"));

    [Fact]
    public void Phrase_WithCurlyApostropheInTheLetter_MatchesAStraightOne() =>
        Assert.Equal("""{"hits":["council's"]}""", Hits("\"council's\"", "the council\u2019s services"));

    [Theory]
    [InlineData("number", "in 2009 there were 12", """{"hits":["2009","12"]}""")]
    [InlineData("percent", "rose to 22.30% from 20%", """{"hits":["22.30%","20%"]}""")]
    [InlineData("cap", "the Council of Derby", """{"hits":["Council","Derby"]}""")]
    [InlineData("upper", "FLO HADLEY and Jo", """{"hits":["FLO","HADLEY"]}""")]
    [InlineData("alnum", "postcode DE4 3AG", """{"hits":["DE4","3AG"]}""")]
    [InlineData("punct", "a, b.", """{"hits":[",","."]}""")]
    public void TokenClass_MatchesTokensOfThatClass(string tokenClass, string text, string expected) =>
        Assert.Equal(expected, Hits(tokenClass, text));

    [Fact]
    public void Regex_MatchesTheWholeOfOneToken() =>
        Assert.Equal("""{"hits":["DE4"]}""", Hits("/[A-Z]{2}[0-9]/", "DE4 DEX4 ADE45"));

    [Fact]
    public void Alternation_MatchesEitherBranch() =>
        Assert.Equal("""{"hits":["good","adequate"]}""", Hits("\"good\" | \"adequate\"", "good then adequate then poor"));

    [Fact]
    public void Optional_MatchesWithOrWithoutTheItem() =>
        Assert.Equal("""{"hits":["very good","good"]}""", Hits("\"very\"? \"good\"", "very good and good"));

    [Fact]
    public void Star_TakesTheLongestRun() =>
        Assert.Equal("""{"hits":["a a a b"]}""", Hits("\"a\"* \"b\"", "a a a b"));

    [Fact]
    public void Plus_NeedsAtLeastOne() =>
        Assert.Equal("""{"hits":["x y y"]}""", Hits("\"x\" \"y\"+", "x x y y"));

    [Fact]
    public void BoundedRepetition_StaysWithinItsBounds() =>
        Assert.Equal("""{"hits":["1 2","3 4"]}""", Hits("number{2}", "1 2 3 4 5"));

    [Fact]
    public void BoundedRepetitionRange_TakesUpToItsMaximum() =>
        Assert.Equal("""{"hits":["1 2 3","4 5"]}""", Hits("number{2,3}", "1 2 3 4 5"));

    [Fact]
    public void Gap_SkipsUpToItsBound() =>
        Assert.Equal("""{"hits":["is good"]}""", Hits("\"is\" ... up to 2 \"good\"", "is good; is not at all good"));

    [Fact]
    public void Negation_MatchesOneTokenThatFailsTheTest() =>
        Assert.Equal("""{"hits":["good work"]}""", Hits("\"good\" !\"practice\"", "good practice and good work"));

    [Fact]
    public void LineAnchors_MatchOnlyWholeLines() =>
        Assert.Equal("""{"hits":["Derby"]}""", Hits("^ cap $", "Derby\nin Derby today"));

    [Fact]
    public void FollowedBy_RequiresWhatComesNextWithoutConsumingIt() =>
        Assert.Equal("""{"hits":["good"]}""", Hits("\"good\" followed by (\"practice\")", "good practice and good work"));

    [Fact]
    public void NotFollowedBy_RejectsWhatComesNext() =>
        Assert.Equal("""{"hits":["good"]}""", Hits("\"good\" not followed by (\"practice\" | \"or\")", "good practice, good or better, good work"));

    [Fact]
    public void PrecededBy_LooksBackWithoutConsuming() =>
        Assert.Equal("""{"hits":["good"]}""", Hits("preceded by (\"is\") \"good\"", "is good; was good"));

    [Fact]
    public void NotPrecededBy_RejectsWhatCameBefore() =>
        Assert.Equal("""{"hits":["good"]}""", Hits("not preceded by (\"not\") \"good\"", "not good; good"));

    /// <summary>A lookbehind longer than a few tokens is decided by one scan of the scope: the same answers, at any distance up to its bound.</summary>
    [Theory]
    [InlineData("preceded by (\"judged\" ... up to 20 \"as\") \"good\"", "judged by the inspectors in 2008 as good; judged as good; as good", """{"hits":["good","good","good"]}""")]
    [InlineData("preceded by (\"judged\" ... up to 3 \"as\") \"good\"", "judged by the inspectors in 2008 as good; judged as good", """{"hits":["good"]}""")]
    [InlineData("not preceded by (\"judged\" ... up to 20 \"as\") \"good\"", "judged by the inspectors in 2008 as good; then for many years after that it was not seen by anyone at all and was later seen as good", """{"hits":["good"]}""")]
    [InlineData("preceded by (\"judged\" any{12}) \"good\"", "judged a b c d e f g h i j k l good; judged a b good", """{"hits":["good"]}""")]
    public void LongLookbehind_FindsWhatEndsRightBeforeThePlace(string pattern, string text, string expected) =>
        Assert.Equal(expected, Hits(pattern, text));

    /// <summary>A lookahead longer than a few tokens is decided by one scan of the scope from its end: the same answers as running it from each place.</summary>
    [Theory]
    [InlineData("\"good\" followed by (... up to 20 \"progress\")", "good, and in 2008 the council made progress; good work", """{"hits":["good"]}""")]
    [InlineData("\"good\" not followed by (... up to 20 \"progress\")", "good, and in 2008 the council made progress; good work", """{"hits":["good"]}""")]
    [InlineData("\"good\" followed by (any{9} \"was made\")", "good a b c d e f g h i was made; good a b was made", """{"hits":["good"]}""")]
    [InlineData("\"good\" followed by ((\"and\" | \"or\") ... up to 12 grade)", "good and in most respects outstanding; good or weak", """{"hits":["good","good"]}""")]
    [InlineData("\"good\" followed by (... up to 12 \"the\" \"council's\" $)", "good work by the council's\nstaff; good for the council's staff", """{"hits":["good"]}""")]
    public void LongLookahead_FindsWhatStartsRightAtThePlace(string pattern, string text, string expected) =>
        Assert.Equal(expected, Rules.Json($"lexicon grade {{ outstanding\n good\n weak }}\nrule r\n  match ({pattern}) -> m\n  emit hits[] = text(m)", text));

    [Fact]
    public void LongLookahead_DoesNotSeePastTheEndOfItsScope() =>
        Assert.Equal("""{"hits":["good"]}""",
            Rules.Json("rule r\n  within sentence\n  match (\"good\" followed by (... up to 20 \"progress\")) -> m\n  emit hits[] = text(m)",
                "It was good. Progress followed. It was good and made progress."));

    [Fact]
    public void LongLookbehind_DoesNotSeePastTheStartOfItsScope() =>
        Assert.Equal("""{"hits":["good"]}""",
            Rules.Json("rule r\n  within sentence\n  match (preceded by (\"judged\" ... up to 20 \"as\") \"good\") -> m\n  emit hits[] = text(m)",
                "Services were judged. As good as before. They were judged as good."));

    [Fact]
    public void NamedPattern_IsUsedLikeAnInlineGroup() =>
        Assert.Equal("""{"hits":["Mr Alan Marsh"]}""",
            Rules.Json("pattern person = (\"mr\" | \"ms\") cap+\nrule r\n  match person -> m\n  emit hits[] = text(m)", "Dear Mr Alan Marsh"));

    [Fact]
    public void Captures_ComeFromTheLongestMatch_AndAmongEquallyLongOnesFromTheFirstAlternative()
    {
        const string rule = "rule r\n  match (\"good\" -> x | \"good\" \"care\" -> y | \"good\" -> z \"care\")\n  emit pair { x: text(x), y: text(y), z: text(z) }";
        Assert.Equal("""{"pair":{"y":"care"}}""", Rules.Json(rule, "it is good care"));
        Assert.Equal("""{"pair":{"x":"good"}}""", Rules.Json(rule, "it is good work"));
    }

    [Fact]
    public void Captures_KeepEachNamedPart() =>
        Assert.Equal("""{"pair":{"a":"good","b":"3"}}""",
            Rules.Json("rule r\n  match \"is\" word -> a \"(\" number -> b \")\"\n  emit pair { a: text(a), b: text(b) }", "it is good (3) now"));
}
