using RulesEngine.Batch;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Matching;

/// <summary>A pattern within the compile budget but costly at every place fails its letter with the rule named; it does not match for minutes.</summary>
public class StepLimitTests
{
    [Fact]
    public void ACostlyPatternOverALetter_FailsThatLetterNamingTheRule()
    {
        var program = Rules.Compile("rule costly\n  match (((any | \"a\" | word){1,50}){1,50} number) -> m\n  emit x = text(m)");
        var letter = LetterSource.FromText("long.txt", string.Concat(Enumerable.Repeat("a ", 3000)));

        var outcome = LetterProcessor.Process(program, letter);

        Assert.Null(outcome.Result);
        Assert.StartsWith("long.txt: error: matching stopped after 130,000,000 steps in rule 'costly': its pattern costs too much", outcome.Error);
    }

    /// <summary>A letter stopped inside a lookaround left the thread's VM holding threads of its program; the next letter on the thread read them.</summary>
    [Theory]
    [InlineData("\"a\" \"a\"{0,40} followed by (((any | \"a\" | word){1,50}){1,5} @Z)")]
    [InlineData("(((any | \"a\" | word){1,50}){1,50} followed by (\"a\" \"a\") number)")]
    public void ALetterStoppedInsideALookaround_LeavesTheThreadReadyForTheNextLetter(string pattern)
    {
        var costly = Rules.Compile($"phase spans\nphase main\nrule z\n  phase spans\n  match \"zzz\"\n  annotate Z\nrule costly\n  match ({pattern}) -> m\n  emit x = text(m)");
        var outcome = LetterProcessor.Process(costly, LetterSource.FromText("long.txt", string.Concat(Enumerable.Repeat("a ", 3000))));
        Assert.Contains("matching stopped", outcome.Error);

        // A pattern that walks every offset of the VM's window reads whatever a stopped run left there.
        var words = Enumerable.Range(0, 300).Select(i => $"w{i}").ToList();
        var record = Rules.Run("rule r\n  match (\"w0\" any+) -> m\n  emit x = text(m)", string.Join(" ", words)).Record;
        Assert.Equal(string.Join(" ", words.Take(256)), ((RulesEngine.Output.TextValue)record["x"]!).Text);
    }

    [Fact]
    public void TheSamePatternOverAShortLetter_Runs()
    {
        var program = Rules.Compile("rule costly\n  match (((any | \"a\" | word){1,50}){1,50} number) -> m\n  emit x = text(m)");
        var outcome = LetterProcessor.Process(program, LetterSource.FromText("short.txt", "a a a 7"));
        Assert.Equal("""{"x":"a a a 7"}""", outcome.Result!.Record.ToJson());
    }
}
