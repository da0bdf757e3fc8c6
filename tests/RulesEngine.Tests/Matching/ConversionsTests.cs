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

    [Theory]
    [InlineData("233,200", "233200")]
    [InlineData(" 22.30% ", "22.30")]
    [InlineData("1,000.50", "1000.50")]
    [InlineData("-5", "-5")]
    [InlineData("5-", "-5")]
    [InlineData("1,2,3", "123")]
    [InlineData("007", "7")]
    [InlineData("six", "6")]
    [InlineData("twenty-five", "25")]
    [InlineData("approximately one third", "0.333")]
    [InlineData("2 thousand", "2000")]
    [InlineData("one hundred and five", "105")]
    [InlineData("Three", "3")]
    [InlineData("%", null)]
    [InlineData("", null)]
    [InlineData("1.2.3", null)]
    [InlineData("12 apples", null)]
    [InlineData("١٢", null)]
    public void ParseNumber_ReadsDigitsWithSeparatorsAndNumbersInWords(string text, string? expected) =>
        Assert.Equal(expected, Conversions.ParseNumber(text)?.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("9 December 2009", "2009-12-09")]
    [InlineData("9th of Dec 2009", "2009-12-09")]
    [InlineData("December 9, 2009", "2009-12-09")]
    [InlineData("09/12/2009", "2009-12-09")]
    [InlineData("2009-12-9", "2009-12-09")]
    [InlineData("31 February 2009", null)]
    [InlineData("9 Smarch 2009", null)]
    [InlineData("December 2009", null)]
    public void ParseDate_ReadsTheFormsLettersUse(string text, string? expected) =>
        Assert.Equal(expected, Conversions.ParseDate(text)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
