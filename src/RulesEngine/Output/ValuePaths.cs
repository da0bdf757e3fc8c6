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

    public static Value? Resolve(ObjectValue record, string path)
    {
        Value? current = record;
        foreach (var step in Step().Matches(path).Select(m => m.Value))
        {
            current = step.StartsWith('[')
                ? current is ListValue list && int.Parse(step[1..^1]) is var i && i < list.Items.Length ? list.Items[i] : null
                : (current as ObjectValue)?[step];
            if (current is null) return null;
        }
        return current;
    }
}
