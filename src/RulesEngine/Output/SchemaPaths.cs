using RulesEngine.Language.Model;

namespace RulesEngine.Output;

/// <summary>
/// The field paths the output schema allows (the `output` record and the records it holds), in the
/// shape the rest of the tool prints them with list items as `[]`: `rating.grade`, `outcomes[].area`.
/// </summary>
public static class SchemaPaths
{
    // Records inside records deeper than this are not followed (a schema could name itself).
    private const int MaxDepth = 6;

    public static IReadOnlyList<string> All(RuleSet model)
    {
        var records = model.Records.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
        var paths = new List<string>();
        if (records.TryGetValue("output", out var output)) Collect(output, "", records, paths, 0);
        return paths;
    }

    private static void Collect(RecordDecl record, string prefix, Dictionary<string, RecordDecl> records, List<string> paths, int depth)
    {
        foreach (var field in record.Fields)
        {
            var path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            paths.Add(path);
            if (field.Type.IsList) paths.Add(path + "[]");
            if (depth < MaxDepth && records.TryGetValue(field.Type.Name, out var nested))
                Collect(nested, field.Type.IsList ? path + "[]" : path, records, paths, depth + 1);
        }
    }

    /// <summary>A path as the schema names it: each list index or item selector (`[2]`, `[area="staying safe"]`) as `[]`.</summary>
    public static string Shape(string path) => ValuePaths.Steps(path).Aggregate("", (shape, step) => step switch
    {
        string name => shape.Length == 0 ? name : $"{shape}.{name}",
        _ => shape + "[]",
    });
}
