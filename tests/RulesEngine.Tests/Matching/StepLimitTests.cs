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

    [Fact]
    public void TheSamePatternOverAShortLetter_Runs()
    {
        var program = Rules.Compile("rule costly\n  match (((any | \"a\" | word){1,50}){1,50} number) -> m\n  emit x = text(m)");
        var outcome = LetterProcessor.Process(program, LetterSource.FromText("short.txt", "a a a 7"));
        Assert.Equal("""{"x":"a a a 7"}""", outcome.Result!.Record.ToJson());
    }
}
