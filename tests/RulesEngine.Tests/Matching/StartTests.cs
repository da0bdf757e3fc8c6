using RulesEngine.Matching;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Matching;

public class StartTests
{
    [Fact]
    public void FirstTokens_KnownOnceForARule_AnswerAsWalkingTheProgramDoes()
    {
        // Every rule of the pack at every place of every seed, the letter's annotations made:
        // a rule whose first tokens are known up front must be told the same as by the walk.
        var rules = Support.Pack.Program.Rules;
        Assert.Contains(rules, rule => rule.First.Unguarded is not null);
        Assert.Contains(rules, rule => rule.First.Unguarded is null);
        var compared = 0;
        foreach (var seed in Seeds.Names)
        {
            var document = LetterReader.Read(seed, Seeds.Text(seed));
            DocumentMatcher.Run(Support.Pack.Program, document, null, out _, out var context);
            var vm = new PikeVm(context);
            foreach (var rule in rules)
            for (var position = 0; position <= document.Tokens.Length; position++)
            {
                var expected = vm.CanStartByWalking(rule, position, 0, document.Tokens.Length);
                Assert.True(expected == vm.CanStart(rule, position, 0, document.Tokens.Length), $"{rule.Name} at token {position} of {seed}");
                if (expected) compared++;
            }
        }
        Assert.True(compared > 1000, $"only {compared} places could start a rule");
    }

    [Theory]
    [InlineData("""match "council" cap""", true)]
    [InlineData("""match ("the" | "a")? cap -> c""", true)]
    [InlineData("""match ^ "council" """, false)]
    [InlineData("""match preceded by (",") "council" """, false)]
    [InlineData("""match "council" | ^ "county" """, false)]
    public void FirstTokens_AreKnownUpFrontOnlyWhenNothingZeroWidthComesFirst(string match, bool known)
    {
        var program = Rules.Compile($"""
            rule r
              {match}
              emit x = "y"
            """);

        Assert.Equal(known, program.Rules[0].First.Unguarded is not null);
    }
}
