using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Language;

/// <summary>What actions build: nested records and lists, and the conversions applied to captures.</summary>
public class ActionTests
{
    private static string Convert(string function, string pattern, string text) =>
        Rules.Json($"rule r\n  match ({pattern}) -> x\n  emit v = {function}(x)", text);

    [Theory]
    [InlineData("six", 6)]
    [InlineData("233,200", 233200)]
    [InlineData("twenty-five", 25)]
    [InlineData("one third", 0.333)]
    [InlineData("all 10", 10)]
    public void Number_ConvertsDigitsAndWords(string text, double expected)
    {
        var pattern = text.StartsWith("all") ? "number" : "any+";
        Assert.Equal($$"""{"v":{{expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""", Convert("number", pattern, text));
    }

    [Fact]
    public void Percent_GivesTheNumber() => Assert.Equal("""{"v":22.3}""", Convert("percent", "percent", "22.30% of children"));

    [Theory]
    [InlineData("9 December 2009")]
    [InlineData("9th December 2009")]
    [InlineData("December 9, 2009")]
    [InlineData("09/12/2009")]
    public void Date_GivesIso8601(string text) => Assert.Equal("""{"v":"2009-12-09"}""", Convert("date", "any+", text));

    [Fact]
    public void Year_ComesFromADate() => Assert.Equal("""{"v":2006}""", Convert("year", "any+", "1 November 2006"));

    [Theory]
    [InlineData("FLO HADLEY", "Flo Hadley")]
    [InlineData("MARY O'NEILL-SMITH", "Mary O'Neill-Smith")]
    [InlineData("Juliet Winstanley", "Juliet Winstanley")]
    public void Title_WritesCapitalisedNamesAsUsual(string text, string expected) =>
        Assert.Equal($$"""{"v":"{{expected}}"}""", Convert("title", "any+", text));

    [Fact]
    public void Lines_SplitsACaptureAtLineBreaks() =>
        Assert.Equal("""{"v":["County Hall","Matlock"]}""", Convert("lines", "any+", "County Hall\nMatlock"));

    [Fact]
    public void Joined_JoinsLinesWithCommas() =>
        Assert.Equal("""{"v":"Divisional Manager, Office for Standards"}""", Convert("joined", "any+", "Divisional Manager\nOffice for Standards"));

    [Fact]
    public void Emit_NestedObjectsAndLists_BuildNestedRecords() =>
        Assert.Equal("""{"letter":{"areas":[{"grade":3,"name":"safe","tags":["x","good"]}]}}""",
            Rules.Json("rule r\n  match word -> a \"is\" \"good\" -> g\n  emit letter.areas[] { name: text(a), grade: 3, tags: [\"x\", text(g)] }", "safe is good"));

    [Fact]
    public void Emit_ScalarField_KeepsTheFirstValueInDocumentOrder() =>
        Assert.Equal("""{"first":"one"}""", Rules.Json("rule r\n  match (\"one\" | \"two\") -> w\n  emit first = text(w)", "two one two".Replace("two one", "one two")));

    [Fact]
    public void Emit_ObjectIntoTheSameField_MergesFieldByField() =>
        Assert.Equal("""{"who":{"name":"Alan","title":"Director"}}""",
            Rules.Json("rule a\n  match \"name\" cap -> n\n  emit who { name: text(n) }\nrule b\n  match \"title\" cap -> t\n  emit who { title: text(t) }", "name Alan title Director"));

    [Fact]
    public void Evidence_RecordsRuleSpanAndTextOfEveryValue()
    {
        var result = Rules.Run("rule grade_rule\n  match \"is\" word -> g\n  emit grade = text(g)", "Work is good.");
        var evidence = result.Evidence["grade"];
        Assert.Equal(("grade_rule", 8, 12, "good", 1, 9), (evidence.Rule, evidence.Start, evidence.End, evidence.Text, evidence.Line, evidence.Column));
    }

    [Fact]
    public void Emit_Object_ListsItsFieldsInNameOrder_LeavingOutThoseWithoutAValue()
    {
        // Written out of name order, with an optional capture that is missing in the first match.
        const string rule = "rule r\n  match (\"in\" word -> place)? \"grade\" number -> g\n  emit grades[] { zone: text(place), grade: int(g), about: \"x\" }";

        var result = Rules.Run(rule, "grade 2, in north grade 3");

        Assert.Equal("""{"grades":[{"about":"x","grade":2},{"about":"x","grade":3,"zone":"north"}]}""", result.Record.ToJson());
        Assert.Equal(["grades[0].about", "grades[0].grade", "grades[1].about", "grades[1].grade", "grades[1].zone"], result.Evidence.Keys);
    }
}
