using RulesEngine.Batch;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Batch;

public class BatchSummaryTests
{
    /// <summary>The summary's text after the given letters (name, text) are run through the program.</summary>
    private static string Summary(BatchSummary summary, RulesEngine.Matching.RuleProgram program, params (string Name, string Text)[] letters)
    {
        foreach (var (name, letter) in letters) summary.Add(LetterProcessor.Process(program, LetterSource.FromText(name, letter)));
        return summary.Format();
    }

    [Fact]
    public void ListsTheFirstLettersFields_CountsTheRest_AndTotalsEveryLettersHits()
    {
        var program = Rules.Compile("output { grade: text }\nrule r\n  match \"good\" -> g\n  emit grade = text(g)");
        var text = Summary(new BatchSummary(program, lettersShown: 2), program, ("a", "good"), ("b", "bad"), ("c", "good"), ("d", "good"));

        Assert.Contains("4 letter(s) read, 4 processed, 0 failed", text);
        Assert.Contains("  a: 1 found; none missing", text);
        Assert.Contains("  b: 0 found; missing grade", text);
        Assert.DoesNotContain("  c:", text);
        Assert.Contains("  ... and 2 more letter(s)", text);
        Assert.Contains("  r: 3 (", text);
    }

    [Fact]
    public void AFieldOnlyAnotherKindHas_IsNotMissing_AndEachKindCountsItsOwnFields()
    {
        var program = Rules.Compile("""
            output { kind: text, rating: text, outcomes: text, council: text }
            kind "rating" { rating }
            kind "apa" { outcomes }
            rule rating_kind
              match "rating" -> r
              emit kind = "rating"
            rule apa_kind
              match "assessment" -> a
              emit kind = "apa"
            rule grade
              match "good" -> g
              emit rating = text(g)
            rule council
              match "Derby" -> c
              emit council = text(c)
            """);
        var summary = new BatchSummary(program);
        var text = Summary(summary, program, ("r1", "rating good Derby"), ("r2", "rating Derby"), ("a1", "assessment Derby"), ("x", "nothing"));

        Assert.Contains("  r2: 2 found; missing rating\n", text);
        Assert.Contains("  a1: 2 found; missing outcomes\n", text);
        Assert.Contains("  x: 0 found; missing kind, council\n", text);
        Assert.Contains("  rating (2 letter(s)): 2 of 3 field(s) in every letter; rating 1 of 2\n", text);
        Assert.Contains("  apa (1 letter(s)): 2 of 3 field(s) in every letter; outcomes 0 of 1\n", text);
        Assert.Contains("  no kind (1 letter(s)): 0 of 2 field(s) in every letter; kind 0 of 1, council 0 of 1\n", text);
        var json = System.Text.Json.JsonDocument.Parse(summary.ToJson()).RootElement.GetProperty("kinds");
        Assert.Equal(2, json.GetProperty("rating").GetProperty("letters").GetInt32());
        Assert.Equal(1, json.GetProperty("rating").GetProperty("found").GetProperty("rating").GetInt32());
        Assert.False(json.GetProperty("rating").GetProperty("found").TryGetProperty("outcomes", out _));
    }

    [Fact]
    public void AnOutcomeSlimmedForTheSummary_SummarisesAsTheWholeOutcome_WithoutTheTextOrEvidence()
    {
        var program = Rules.Compile("output { grade: text, area: text }\nrule r\n  match \"good\" -> g\n  emit grade = text(g)");
        var outcomes = new[] { ("a", "It is good."), ("b", "bad") }
            .Select(letter => LetterProcessor.Process(program, LetterSource.FromText(letter.Item1, letter.Item2))).ToList();
        var whole = new BatchSummary(program);
        var slimmed = new BatchSummary(program);

        foreach (var outcome in outcomes)
        {
            whole.Add(outcome);
            slimmed.Add(outcome.ForSummary());
        }

        Assert.Equal(whole.Format(), slimmed.Format());
        var slim = outcomes[0].ForSummary();
        Assert.Null(slim.Text);
        Assert.Empty(slim.Result!.Evidence);
        Assert.NotEmpty(outcomes[0].Result!.Evidence);
        Assert.Equal(outcomes[0].Result!.Record, slim.Result.Record);
    }

    [Fact]
    public void AProcessedLetter_KeepsItsTextOnlyWhenAsked()
    {
        var program = Rules.Compile("output { grade: text }\nrule r\n  match \"good\" -> g\n  emit grade = text(g)");
        var source = LetterSource.FromText("a", "It is good.\n");

        var kept = LetterProcessor.Process(program, source, keepText: true);
        var dropped = LetterProcessor.Process(program, source, keepText: false);

        Assert.Equal("It is good.\n", kept.Text);
        Assert.Null(dropped.Text);
        Assert.Equal(kept.Result!.Record, dropped.Result!.Record);
    }

    [Fact]
    public void ManyFailures_AreListedUpToTwentyAndTheClosingLineSaysTimeSpeedAndWhere()
    {
        var program = Rules.Compile("output { grade: text }\nrule r\n  match \"good\" -> g\n  emit grade = text(g)");
        var summary = new BatchSummary(program);
        for (var i = 0; i < 25; i++) summary.Add(LetterProcessor.Process(program, LetterSource.FromText($"empty{i}", "")));
        summary.Add(LetterProcessor.Process(program, LetterSource.FromText("good", "good")));

        var text = summary.Format(TimeSpan.FromSeconds(2), "in out/ as one JSON file per letter");

        Assert.Equal(20, text.Split('\n').Count(l => l.StartsWith("  failed: ", StringComparison.Ordinal)));
        Assert.Contains("  ... and 5 more failed letter(s)", text);
        Assert.EndsWith("done: 26 letter(s) in 2.00 s (13 a second); 1 record(s) in out/ as one JSON file per letter; 25 failed (listed above)\n", text);
    }
}
