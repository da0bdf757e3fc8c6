using RulesEngine.Examples;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Language;

/// <summary>How `test` runs one example: what it reads from earlier phases, and how a failure reads.</summary>
public class ExampleRunnerTests
{
    [Fact]
    public void AnExampleFailingWithAHugeValue_ShowsTheStartOfItAndHowMuchThereIs()
    {
        var text = string.Concat(Enumerable.Repeat("good ", 5000));
        var program = Rules.Compile($"rule r\n  match \"good\" -> m\n  emit x[] = text(m)\nexample r \"{text}\" expect x = \"good\"\n");
        var problem = Assert.Single(ExampleRunner.RunAll(program).Single().Problems);
        Assert.EndsWith("... (5,000 items in all)", problem);
        Assert.InRange(problem.Length, 300, 400);
    }

    [Fact]
    public void AnExample_ReadsAnnotationsOfEarlierPhases_AndIgnoresOtherRulesOfItsOwn()
    {
        // Another rule of the example's phase, written after it; the example reads the date the earlier phase annotated.
        const string rules = PhaseTests.DateAnnotatedInAnEarlierPhase + """

            rule other
              phase extract
              match "dated" -> d
              emit other = text(d)
            example dated "This letter is dated 9 December 2009." expect date = "2009-12-09"
            """;
        var result = ExampleRunner.RunAll(Rules.Compile(rules)).Single();
        Assert.Equal(ExampleStatus.Passed, result.Status);
    }
}
