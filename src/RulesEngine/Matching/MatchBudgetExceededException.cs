namespace RulesEngine.Matching;

/// <summary>A letter's matching went past <see cref="MatchContext.StepLimit"/>: the letter fails with the rule named, the batch goes on.</summary>
public sealed class MatchBudgetExceededException(long limit, string? rule = null) : Exception(
    $"matching stopped after {limit:N0} steps{(rule is null ? "" : $" in rule '{rule}'")}: its pattern costs too much at each place it is tried in a letter this long; make it narrower (fewer optional or repeated parts, a scope, a required word first)")
{
    public long Limit { get; } = limit;

    public MatchBudgetExceededException ForRule(string name) => new(Limit, name);
}
