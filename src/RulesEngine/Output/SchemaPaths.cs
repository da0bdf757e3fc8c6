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

    /// <summary>A field the schema allows: its path and its declared type (`int`, `text[]`, `outcome[]`).</summary>
    public sealed record SchemaField(string Path, string Type);

    public static IReadOnlyList<string> All(RuleSet model) => Fields(model).Select(f => f.Path).ToList();

    public static IReadOnlyList<SchemaField> Fields(RuleSet model)
    {
        var records = model.Records.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
        var fields = new List<SchemaField>();
        if (records.TryGetValue("output", out var output)) Collect(output, "", records, fields, 0);
        return fields;
    }

    private static void Collect(RecordDecl record, string prefix, Dictionary<string, RecordDecl> records, List<SchemaField> fields, int depth)
    {
        foreach (var field in record.Fields)
        {
            var path = prefix.Length == 0 ? field.Name : $"{prefix}.{field.Name}";
            fields.Add(new SchemaField(path, field.Type.ToString()));
            if (field.Type.IsList) fields.Add(new SchemaField(path + "[]", field.Type.Name));
            if (depth < MaxDepth && records.TryGetValue(field.Type.Name, out var nested))
                Collect(nested, field.Type.IsList ? path + "[]" : path, records, fields, depth + 1);
        }
    }

    /// <summary>The shapes of every value a record holds (`outcomes`, `outcomes[]`, `outcomes[].grade`), for counting what letters have.</summary>
    public static HashSet<string> Present(ObjectValue record)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        void Walk(Value value, string path)
        {
            present.Add(path);
            switch (value)
            {
                case ObjectValue o:
                    foreach (var (name, field) in o.Fields) Walk(field, $"{path}.{name}");
                    break;
                case ListValue l:
                    foreach (var item in l.Items) Walk(item, path + "[]");
                    break;
            }
        }
        foreach (var (name, field) in record.Fields) Walk(field, name);
        return present;
    }

    /// <summary>A path as the schema names it: each list index or item selector (`[2]`, `[area="staying safe"]`) as `[]`.</summary>
    public static string Shape(string path) => ValuePaths.Steps(path).Aggregate("", (shape, step) => step switch
    {
        string name => shape.Length == 0 ? name : $"{shape}.{name}",
        _ => shape + "[]",
    });
}
