using RulesEngine.Matching;

namespace RulesEngine.Tests.Matching;

public class ConversionsTests
{
    [Theory]
    [InlineData("FLO HADLEY", "Flo Hadley")]
    [InlineData("  FLO   HADLEY\t", "  Flo   Hadley\t")]
    [InlineData("MCDONALD", "McDonald")]
    [InlineData("O'BRIEN-SMITH Jr", "O'Brien-Smith Jr")]
    [InlineData("DR. J. SMITH", "Dr. J. Smith")]
    [InlineData("NHS2020", "Nhs2020")]
    [InlineData("A B", "A B")]
    [InlineData("Priya SHAH", "Priya Shah")]
    [InlineData("", "")]
    public void TitleCase_RewritesOnlyWordsInCapitals_AndKeepsTheSpaceBetween(string text, string expected) =>
        Assert.Equal(expected, Conversions.TitleCase(text));
}
