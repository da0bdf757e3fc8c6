using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Cli;

/// <summary>`explain` answers the question asked: a field the schema lacks, a missing list item, an item named by its key, a letter from stdin.</summary>
public class ExplainCommandTests
{
    private static string Apa => Path.Combine("seeds", Seeds.Apa + ".txt");

    [Fact]
    public void Explain_AFieldTheSchemaLacks_IsAnErrorThatSuggestsTheNearest()
    {
        var outcome = CommandRunner.Run("explain", Path.Combine("seeds", Seeds.Names[0] + ".txt"), "rating.grad");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no field 'rating.grad' in the output schema; did you mean 'rating.grade'?", outcome.Error);
    }

    [Fact]
    public void Explain_AMissingListItem_SaysHowManyThereAreAndWhichRulesAddThem()
    {
        var outcome = CommandRunner.Run("explain", Apa, "outcomes[5].grade");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("outcomes[5].grade: no value", outcome.Output);
        Assert.Contains("outcomes has 5 item(s), outcomes[0] to outcomes[4]", outcome.Output);
        Assert.Contains("rules that add items to 'outcomes':", outcome.Output);
        Assert.Contains("rule 'outcome'", outcome.Output);
        Assert.Contains("matched 5 time(s), making outcomes[0], outcomes[1], outcomes[2], outcomes[3], outcomes[4]", outcome.Output);
    }

    [Fact]
    public void Explain_AnItemNamedByItsKey_IsExplainedAtItsIndex()
    {
        var outcome = CommandRunner.Run("explain", Apa, "outcomes[area=\"staying safe\"].grade");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("outcomes[area=\"staying safe\"].grade is outcomes[1].grade", outcome.Output);
        Assert.Contains("outcomes[1].grade = 3", outcome.Output);
        Assert.Contains("made by rule 'outcome'", outcome.Output);
    }

    [Fact]
    public void Explain_AnItemWhoseKeyNoItemHas_ListsTheKeysThereAre()
    {
        var outcome = CommandRunner.Run("explain", Apa, "outcomes[area=\"being unhealthy\"]");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("no value", outcome.Output);
        Assert.Contains("their area: \"being healthy\", \"staying safe\"", outcome.Output);
    }

    [Fact]
    public void Explain_Dash_ReadsTheLetterFromStdin()
    {
        var outcome = CommandRunner.RunIn(AppContext.BaseDirectory, Seeds.Text(Seeds.Names[0]), "explain", "-", "rating.grade");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Contains("rating.grade = 3", outcome.Output);
    }

    [Theory]
    [InlineData("seeds", "seeds is a folder; explain takes one letter file")]
    [InlineData("nothere.txt", "no such file: nothere.txt")]
    public void Explain_AFolderOrAMissingFile_IsAClearError(string letter, string message)
    {
        var outcome = CommandRunner.Run("explain", letter, "rating.grade");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains(message, outcome.Error);
    }

    [Fact]
    public void Explain_AValueInALongParagraph_QuotesItsSentenceNotTheWholeLine()
    {
        var outcome = CommandRunner.Run("explain", Apa, "context[3].measure");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        var quoted = outcome.Output.Split('\n').First(l => l.StartsWith("    | ", StringComparison.Ordinal));
        Assert.Contains("Of the children in primary schools 24.9% are from BME communities.", quoted);
        Assert.DoesNotContain("Derby city's population", quoted);
        Assert.True(quoted.Length < 200, quoted);
        var caret = outcome.Output.Split('\n').First(l => l.TrimStart().StartsWith("| ", StringComparison.Ordinal) && l.Contains('^'));
        Assert.Equal(quoted.IndexOf("BME communities", StringComparison.Ordinal), caret.IndexOf('^'));
    }
}
