using System.Collections.Immutable;
using System.Globalization;

namespace RulesEngine.Output;

/// <summary>A value in a letter's record. Immutable; written to JSON with sorted keys.</summary>
public abstract record Value
{
    /// <summary>The value as JSON text, also its identity when comparing records.</summary>
    public string ToJson() => JsonOutput.Serialize(this, indented: false);
}

public sealed record TextValue(string Text) : Value;

public sealed record NumberValue(decimal Number) : Value
{
    public bool IsWhole => Number == decimal.Truncate(Number);

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture);
}

public sealed record BoolValue(bool Flag) : Value;

public sealed record DateValue(DateOnly Date) : Value
{
    public string Iso => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record ObjectValue(ImmutableSortedDictionary<string, Value> Fields) : Value
{
    public static ObjectValue Empty { get; } = new(ImmutableSortedDictionary.Create<string, Value>(StringComparer.Ordinal));

    public Value? this[string name] => Fields.GetValueOrDefault(name);

    public bool Equals(ObjectValue? other) => other is not null && ToJson() == other.ToJson();

    public override int GetHashCode() => ToJson().GetHashCode(StringComparison.Ordinal);
}

public sealed record ListValue(ImmutableArray<Value> Items) : Value
{
    public bool Equals(ListValue? other) => other is not null && ToJson() == other.ToJson();

    public override int GetHashCode() => ToJson().GetHashCode(StringComparison.Ordinal);
}

/// <summary>Where a value came from: the rule, the rule's place in its file, and the letter text it was read from.</summary>
public sealed record Evidence(string Rule, string RuleLocation, int Start, int End, int Line, int Column, string Text);

/// <summary>
/// One letter's output: its record, the evidence of every value by path, the rules that fired,
/// and the time each rule took (stopwatch ticks; for finding slow rules, never written out).
/// </summary>
public sealed record LetterResult(
    string Name,
    ObjectValue Record,
    ImmutableSortedDictionary<string, Evidence> Evidence,
    ImmutableSortedDictionary<string, int> RuleHits,
    ImmutableDictionary<string, long> RuleTicks);
