using System.Text.Json.Nodes;

namespace RulesEngine.Snapshots;

/// <summary>Reads and writes JSON nodes by the paths diffs use: `outcomes[2].grade`.</summary>
internal static class JsonPaths
{
    private static List<object> Steps(string path) => Output.ValuePaths.Steps(path);

    public static JsonNode? Get(JsonNode? root, string path)
    {
        var current = root;
        foreach (var step in Steps(path))
        {
            current = step switch
            {
                int i when current is JsonArray array && i < array.Count => array[i],
                string name when current is JsonObject obj => obj[name],
                _ => null,
            };
            if (current is null) return null;
        }
        return current;
    }

    /// <summary>Sets (or, for a null value, removes) the node at a path, creating objects and lists on the way.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var steps = Steps(path);
        JsonNode current = root;
        for (var s = 0; s < steps.Count - 1; s++)
        {
            var next = Child(current, steps[s]);
            if (next is null)
            {
                if (value is null) return;
                next = steps[s + 1] is int ? new JsonArray() : new JsonObject();
                Assign(current, steps[s], next);
            }
            current = next;
        }
        if (value is null) Remove(current, steps[^1]);
        else Assign(current, steps[^1], value);
    }

    private static JsonNode? Child(JsonNode node, object step) => step switch
    {
        int i when node is JsonArray array && i < array.Count => array[i],
        string name when node is JsonObject obj => obj[name],
        _ => null,
    };

    private static void Assign(JsonNode node, object step, JsonNode value)
    {
        switch (step)
        {
            case int i when node is JsonArray array:
                if (i < array.Count) array[i] = value;
                else array.Add(value);
                break;
            case string name when node is JsonObject obj:
                obj[name] = value;
                break;
        }
    }

    private static void Remove(JsonNode node, object step)
    {
        switch (step)
        {
            case int i when node is JsonArray array && i < array.Count:
                array.RemoveAt(i);
                break;
            case string name when node is JsonObject obj:
                obj.Remove(name);
                break;
        }
    }
}
