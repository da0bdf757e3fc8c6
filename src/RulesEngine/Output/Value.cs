using System.Collections.Immutable;
using System.Globalization;

namespace RulesEngine.Output;

/// <summary>
/// A value in a letter's record. Immutable; written to JSON with sorted keys. Two values are equal
/// exactly when their JSON is: numbers by value (`1.0` is `1`), objects field by field in key order,
/// lists item by item; compared directly rather than by serialising both (the record builder's
/// check for duplicate list items did that, a few per cent of a batch).
/// </summary>
public abstract record Value
{
    /// <summary>The value as JSON text.</summary>
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

public sealed record ObjectValue(SortedMap<Value> Fields) : Value
{
    public static ObjectValue Empty { get; } = new(SortedMap<Value>.Empty);

    public Value? this[string name] => Fields.GetValueOrDefault(name);

    public bool Equals(ObjectValue? other)
    {
        if (other is null || other.Fields.Count != Fields.Count) return false;
        if (ReferenceEquals(this, other)) return true;
        // Both sorted by ordinal key, as their JSON is: pairwise in order.
        var names = Fields.KeySpan;
        var values = Fields.ValueSpan;
        var theirNames = other.Fields.KeySpan;
        var theirValues = other.Fields.ValueSpan;
        for (var i = 0; i < names.Length; i++)
            if (!string.Equals(names[i], theirNames[i], StringComparison.Ordinal) || !values[i].Equals(theirValues[i])) return false;
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in Fields)
        {
            hash.Add(name, StringComparer.Ordinal);
            hash.Add(value);
        }
        return hash.ToHashCode();
    }
}

public sealed record ListValue(ImmutableArray<Value> Items) : Value
{
    public bool Equals(ListValue? other) =>
        other is not null && Items.Length == other.Items.Length && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }
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
    SortedMap<Evidence> Evidence,
    SortedMap<int> RuleHits,
    SortedMap<long> RuleTicks)
{
    /// <summary>What `warn` rules said about the letter; the batch summary lists them with the letter's path.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What the letter arrived as; written beside `letter` for any format but text.</summary>
    public Reading.Formats.LetterFormat Format { get; init; } = Reading.Formats.LetterFormat.Text;

    /// <summary>The letter's path as given; written as `source` beside `letter` (its id) when known. Snapshots leave it out: it depends on where a batch is run from.</summary>
    public string? Source { get; init; }

    /// <summary>How the letter's bytes were decoded, when not as UTF-8; written as `encoding`.</summary>
    public Reading.LetterEncoding? Encoding { get; init; }
}
