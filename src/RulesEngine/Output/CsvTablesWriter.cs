using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using RulesEngine.Batch;
using RulesEngine.Language.Model;

namespace RulesEngine.Output;

/// <summary>
/// One CSV table per record type, ready for a spreadsheet: `letters.csv` with a letter's single
/// values, and a table for each list of records (`outcomes.csv`, `strengths.csv`, ...), each
/// row keyed by letter, its item numbered from 1 as people count and its evidence (the letter's
/// text the item was found in) in the last column. Columns come from the output schema, so every
/// file is rectangular; cells that a spreadsheet would run as a formula are escaped. Files are
/// UTF-8 with a byte-order mark, without which Excel reads them in the machine's code page and
/// mangles every accent and dash. Files appear whole at the end.
/// </summary>
public sealed class CsvTablesWriter : ILetterWriter
{
    private sealed record Table(string Name, string? ListField, IReadOnlyList<string[]> Columns, CsvWriter Writer, string Path, string Temporary);

    private readonly List<Table> _tables = [];

    public CsvTablesWriter(string directory, RuleSet rules)
    {
        var records = rules.Records.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
        if (!records.TryGetValue("output", out var output))
            throw new InvalidOperationException("CSV output needs an output schema ('output { ... }') in the rule files, to know the columns");
        var single = new List<string[]>();
        foreach (var field in output.Fields)
        {
            if (field.Type.IsList && records.TryGetValue(field.Type.Name, out var itemType))
                _tables.Add(Open(directory, field.Name, field.Name, Flatten(itemType, [], records)));
            else single.AddRange(FlattenField(field, [], records));
        }
        _tables.Insert(0, Open(directory, "letters", null, single));
    }

    private static Table Open(string directory, string name, string? listField, List<string[]> columns)
    {
        var path = System.IO.Path.Combine(directory, name + ".csv");
        var temporary = AtomicFile.TemporaryPathFor(path);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n", InjectionOptions = InjectionOptions.Escape };
        var writer = new CsvWriter(new StreamWriter(temporary, false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)), configuration);
        writer.WriteField("letter");
        if (listField is not null) writer.WriteField("item");
        foreach (var column in columns) writer.WriteField(string.Join('.', column));
        if (listField is not null) writer.WriteField("evidence");
        writer.NextRecord();
        return new Table(name, listField, columns, writer, path, temporary);
    }

    private static List<string[]> Flatten(RecordDecl record, string[] prefix, Dictionary<string, RecordDecl> records) =>
        record.Fields.SelectMany(f => FlattenField(f, prefix, records)).ToList();

    private static IEnumerable<string[]> FlattenField(FieldDecl field, string[] prefix, Dictionary<string, RecordDecl> records)
    {
        var path = prefix.Append(field.Name).ToArray();
        if (!field.Type.IsList && records.TryGetValue(field.Type.Name, out var nested) && prefix.Length < 4)
            return Flatten(nested, path, records);
        return [path];
    }

    // The letter's text is needed for the evidence column, and kept only while its rows are written.
    public bool ShowsLetterText => true;

    // An item's evidence is cut here: a cell is for reading, the JSON output has every offset.
    private const int EvidenceShown = 500;

    public void Write(LetterOutcome outcome)
    {
        if (outcome.Result is not { } result) return;
        foreach (var table in _tables)
        {
            if (table.ListField is null)
            {
                WriteRow(table, result.Name, null, result.Record, null);
                continue;
            }
            if (result.Record[table.ListField] is not ListValue list) continue;
            for (var i = 0; i < list.Items.Length; i++)
                if (list.Items[i] is ObjectValue item) WriteRow(table, result.Name, i + 1, item, EvidenceOf(result, outcome.Text, $"{table.ListField}[{i}]"));
        }
    }

    /// <summary>The letter's text from the first to the last piece of evidence of an item, on one line.</summary>
    private static string EvidenceOf(LetterResult result, string? text, string itemPath)
    {
        int start = int.MaxValue, end = -1;
        foreach (var (path, evidence) in result.Evidence)
        {
            if (!path.StartsWith(itemPath, StringComparison.Ordinal) || (path.Length > itemPath.Length && path[itemPath.Length] != '.')) continue;
            start = Math.Min(start, evidence.Start);
            end = Math.Max(end, evidence.End);
        }
        if (text is null || end < 0) return "";
        var span = string.Join(' ', text[Math.Clamp(start, 0, text.Length)..Math.Clamp(end, 0, text.Length)].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return span.Length <= EvidenceShown ? span : span[..EvidenceShown] + "...";
    }

    private static void WriteRow(Table table, string letter, int? item, ObjectValue record, string? evidence)
    {
        table.Writer.WriteField(letter);
        if (item is { } number) table.Writer.WriteField(number.ToString(CultureInfo.InvariantCulture));
        foreach (var column in table.Columns) table.Writer.WriteField(Cell(Resolve(record, column)));
        if (evidence is not null) table.Writer.WriteField(evidence);
        table.Writer.NextRecord();
    }

    private static Value? Resolve(ObjectValue record, string[] path)
    {
        Value? current = record;
        foreach (var step in path) current = (current as ObjectValue)?[step];
        return current;
    }

    private static string Cell(Value? value) => value switch
    {
        null => "",
        TextValue t => t.Text,
        NumberValue n => n.IsWhole ? decimal.Truncate(n.Number).ToString(CultureInfo.InvariantCulture) : (n.Number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        DateValue d => d.Iso,
        BoolValue b => b.Flag ? "true" : "false",
        ListValue l => string.Join("; ", l.Items.Select(Cell)),
        ObjectValue o => o.ToJson(),
        _ => "",
    };

    public void Abandon()
    {
        foreach (var table in _tables)
        {
            table.Writer.Dispose();
            File.Delete(table.Temporary);
        }
    }

    public void Complete()
    {
        foreach (var table in _tables)
        {
            table.Writer.Flush();
            table.Writer.Dispose();
            File.Move(table.Temporary, table.Path, overwrite: true);
        }
    }
}
