using System.Text.RegularExpressions;

namespace RulesEngine.Output;

/// <summary>Finds a value in a record by the paths the rest of the tool prints: `outcomes[2].grade`.</summary>
public static partial class ValuePaths
{
    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]|\[[^\]]*\]")]
    private static partial Regex Step();

    [GeneratedRegex(@"^\[\s*([^=\]\s]+)\s*=\s*(?:""([^""]*)""|'([^']*)'|([^\]]*?))\s*\]$")]
    private static partial Regex SelectorStep();

    /// <summary>A list item named by a field's value instead of its index: `outcomes[area="staying safe"]`.</summary>
    public sealed record Selector(string Field, string Value)
    {
        public override string ToString() => $"[{Field}=\"{Value}\"]";

        /// <summary>Whether an item's field has this value (as text, ignoring case and surrounding space).</summary>
        public bool Matches(Value? item) =>
            item is ObjectValue record && record[Field] is { } value &&
            string.Equals(value is TextValue text ? text.Text.Trim() : value.ToJson().Trim('"'), Value.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="field"/> or lies inside it (`rating` covers `rating.grade`).</summary>
    public static bool Covers(string field, string path) =>
        path == field || path.StartsWith(field + ".", StringComparison.Ordinal) || path.StartsWith(field + "[", StringComparison.Ordinal);

    /// <summary>The steps of a path: a field name (string), a list index (int) or an item selector (<see cref="Selector"/>).</summary>
    public static List<object> Steps(string path) =>
        Step().Matches(path).Select(m => Parse(m.Value)).ToList();

    private static object Parse(string step)
    {
        if (!step.StartsWith('[')) return step;
        if (int.TryParse(step.AsSpan(1, step.Length - 2), out var index)) return index;
        var selector = SelectorStep().Match(step);
        if (!selector.Success) return new Selector(step[1..^1], "");
        var value = selector.Groups[2].Success ? selector.Groups[2].Value : selector.Groups[3].Success ? selector.Groups[3].Value : selector.Groups[4].Value;
        return new Selector(selector.Groups[1].Value, value);
    }

    public static Value? Resolve(ObjectValue record, string path) => Locate(record, path).Value;

    /// <summary>
    /// The value at <paramref name="path"/> and the same path with every selector turned into the
    /// index of the item it names (`outcomes[1].grade`); where a step finds nothing, no value and
    /// the path up to the step that failed.
    /// </summary>
    public static (Value? Value, string Path) Locate(ObjectValue record, string path)
    {
        Value? current = record;
        var located = "";
        foreach (var step in Steps(path))
        {
            var (next, text) = step switch
            {
                int i => (current is ListValue list && i < list.Items.Length ? list.Items[i] : null, $"[{i}]"),
                Selector selector when current is ListValue list => list.Items.Select((item, i) => (item, i)).FirstOrDefault(p => selector.Matches(p.item)) is { item: { } found } match
                    ? (found, $"[{match.i}]")
                    : ((Value?)null, selector.ToString()),
                string name => ((current as ObjectValue)?[name], located.Length == 0 ? name : "." + name),
                _ => ((Value?)null, step.ToString() ?? ""),
            };
            located += text;
            if (next is null) return (null, located);
            current = next;
        }
        return (current, located);
    }
}
