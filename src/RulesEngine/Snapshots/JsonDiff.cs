using System.Text.Json;

namespace RulesEngine.Snapshots;

public enum ChangeKind { Added, Removed, Changed }

/// <summary>One field that differs between an approved snapshot and a new result.</summary>
public sealed record FieldChange(string Path, ChangeKind Kind, string? Old, string? New)
{
    public override string ToString() => Kind switch
    {
        ChangeKind.Added => $"+ {Path}: {New}",
        ChangeKind.Removed => $"- {Path}: {Old}",
        _ => $"~ {Path}: {Old} -> {New}",
    };
}

/// <summary>Compares two JSON documents field by field, by path (`outcomes[2].grade`), so reviewers see what changed, not which lines moved.</summary>
public static class JsonDiff
{
    public static IReadOnlyList<FieldChange> Compare(string oldJson, string newJson)
    {
        var before = Flatten(oldJson);
        var after = Flatten(newJson);
        var changes = new List<FieldChange>();
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var hadOld = before.TryGetValue(path, out var old);
            var hasNew = after.TryGetValue(path, out var current);
            if (hadOld && hasNew && old != current) changes.Add(new FieldChange(path, ChangeKind.Changed, old, current));
            else if (hadOld && !hasNew) changes.Add(new FieldChange(path, ChangeKind.Removed, old, null));
            else if (!hadOld && hasNew) changes.Add(new FieldChange(path, ChangeKind.Added, null, current));
        }
        return changes;
    }

    /// <summary>Every leaf of a JSON document by its path, with its JSON text.</summary>
    public static SortedDictionary<string, string> Flatten(string json)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json)) return leaves;
        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "", leaves);
        return leaves;
    }

    private static void Walk(JsonElement element, string path, SortedDictionary<string, string> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var any = false;
                foreach (var property in element.EnumerateObject())
                {
                    any = true;
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", leaves);
                }
                if (!any && path.Length > 0) leaves[path] = "{}";
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{index++}]", leaves);
                if (index == 0) leaves[path] = "[]";
                break;
            default:
                leaves[path] = element.GetRawText();
                break;
        }
    }
}
