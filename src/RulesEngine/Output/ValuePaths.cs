using System.Text.RegularExpressions;

namespace RulesEngine.Output;

/// <summary>Finds a value in a record by the paths the rest of the tool prints: `outcomes[2].grade`.</summary>
public static partial class ValuePaths
{
    [GeneratedRegex(@"[^.\[\]]+|\[\d+\]")]
    private static partial Regex Step();

    /// <summary>Whether <paramref name="path"/> is <paramref name="field"/> or lies inside it (`rating` covers `rating.grade`).</summary>
    public static bool Covers(string field, string path) =>
        path == field || path.StartsWith(field + ".", StringComparison.Ordinal) || path.StartsWith(field + "[", StringComparison.Ordinal);

    /// <summary>The steps of a path: a field name (string) or a list index (int).</summary>
    public static List<object> Steps(string path) =>
        Step().Matches(path).Select(m => m.Value.StartsWith('[') ? (object)int.Parse(m.Value[1..^1]) : m.Value).ToList();

    public static Value? Resolve(ObjectValue record, string path)
    {
        Value? current = record;
        foreach (var step in Steps(path))
        {
            current = step switch
            {
                int i => current is ListValue list && i < list.Items.Length ? list.Items[i] : null,
                string name => (current as ObjectValue)?[name],
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }
}
