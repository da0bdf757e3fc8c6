using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Language;

/// <summary>`within` scopes restrict where a rule may match, and chains of them narrow further.</summary>
public class ScopeTests
{
    private const string Letter = """
        9 December 2009

        Mr Alan Marsh
        Westshire County Council

        Dear Mr Marsh

        Staying safe

        The contribution is good. Another sentence is good too.

        Being healthy

        Health work is adequate.

        Key strengths	Key areas for improvement
        • safe recruitment • good training	• delays in placing children

        - first aspect is good

        Yours sincerely

        Sarah Bright
        """;

    private static string Run(string scopes, string pattern = "\"good\" | \"adequate\" | cap") =>
        Rules.Json($"rule r\n{scopes}\n  match ({pattern}) -> m\n  emit hits[] = text(m)", Letter);

    [Fact]
    public void Head_IsEverythingBeforeTheSalutation() =>
        Assert.Equal("""{"hits":["December","Mr","Alan","Marsh","Westshire","County","Council"]}""", Run("  within head"));

    [Fact]
    public void SectionWhereHeadingMatches_BindsTheHeadingCapture() =>
        Assert.Equal("""{"found":[{"area":"Staying safe","grade":"good"}]}""",
            Rules.Json("rule r\n  within section where heading matches (\"staying\" \"safe\") -> area\n  match \"is\" \"good\" -> g\n  emit found[] { area: text(area), grade: text(g) }", Letter));

    [Fact]
    public void Sentence_KeepsMatchesInsideOneSentence()
    {
        const string pattern = "  match (\"contribution\" ... up to 8 \"too\") -> m\n  emit hits[] = text(m)";
        Assert.Equal("""{"hits":["contribution is good. Another sentence is good too"]}""", Rules.Json("rule r\n" + pattern, Letter));
        Assert.Equal("{}", Rules.Json("rule r\n  within sentence\n" + pattern, Letter));
    }

    [Fact]
    public void CellInColumn_WithinItem_GivesEachListItemOfThatColumn() =>
        Assert.Equal("""{"items":["safe recruitment","good training"]}""",
            Rules.Json("rule r\n  within table where starts with \"key strengths\"\n  within cell where column 1\n  within item\n  match any+ -> i\n  emit items[] = text(i)", Letter));

    [Fact]
    public void Row_LimitsAPatternToOneTableRow() =>
        Assert.Equal("""{"rows":["Key strengths Key areas for improvement"]}""",
            Rules.Json("rule r\n  within row where starts with \"key\"\n  match any+ -> r\n  emit rows[] = text(r)", Letter));

    [Fact]
    public void Item_OutsideTables_IsAListItem() =>
        Assert.Equal("""{"hits":["good","good"]}""", Run("  within item", "\"good\""));

    [Fact]
    public void Line_KeepsAPatternOnOneLine() =>
        Assert.Equal("""{"hits":["Mr Alan Marsh"]}""",
            Rules.Json("rule r\n  within head\n  within line\n  match (\"mr\" cap+) -> m\n  emit hits[] = text(m)", Letter));

    [Fact]
    public void Closing_IsTheSignOffAndWhatFollows() =>
        Assert.Equal("""{"hits":["Yours","Sarah","Bright"]}""", Run("  within closing"));
}
