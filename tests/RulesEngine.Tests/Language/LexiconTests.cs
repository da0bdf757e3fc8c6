using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Language;

public class LexiconTests
{
    private const string Grades = """
        lexicon grade_word {
          outstanding, excellent => 4
          good => 3
          "good or better" => 5
          adequate, satisfactory => 2
        }
        """;

    [Fact]
    public void Lexicon_GivesEachEntryItsNormalisedValue() =>
        Assert.Equal("""{"grades":[4,2,3]}""",
            Rules.Json(Grades + "\nrule r\n  match grade_word -> g\n  emit grades[] = value(g)", "Excellent, satisfactory and good."));

    [Fact]
    public void Lexicon_MultiWordEntry_WinsOverItsPrefixAsTheLongerMatch() =>
        Assert.Equal("""{"grades":[5]}""",
            Rules.Json(Grades + "\nrule r\n  match grade_word -> g\n  emit grades[] = value(g)", "settings are good or better"));

    [Fact]
    public void Lexicon_WithoutValues_GivesTheEntrysFirstPhrase() =>
        Assert.Equal("""{"areas":["being healthy"]}""",
            Rules.Json("lexicon area { \"being healthy\", \"healthy lives\" }\nrule r\n  match area -> a\n  emit areas[] = value(a)", "Healthy lives matter"));

    [Fact]
    public void NegatedSingleWordLexicon_MatchesAnyOtherWord() =>
        Assert.Equal("""{"hits":["very"]}""",
            Rules.Json("lexicon grade_word { good, poor }\nrule r\n  match (!grade_word) -> w \"good\"\n  emit hits[] = text(w)", "good good very good"));
}
