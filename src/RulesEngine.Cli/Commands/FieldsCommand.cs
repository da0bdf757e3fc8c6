using System.CommandLine;
using RulesEngine.Batch;
using RulesEngine.Output;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine fields [LETTERS...]`: what the pack produces: each field of the output schema, its type, the rules that write it, and how often letters have it.</summary>
internal static class FieldsCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("letters")
        {
            Description = "Letters (files, folders, globs) to count each field in; without them, only the schema and its rules are listed.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rules = RuleOptions.RulesOption();
        var command = new Command("fields", """
            List the fields the rule pack produces: each field of the output schema with its type and the rules that write it;
            given letters, in how many of them each field was found.

            Examples:
              rulesengine fields
              rulesengine fields seeds/
            """)
        {
            inputs, rules,
        };
        command.SetAction(parse =>
        {
            var compilation = RuleOptions.Compile(parse.GetValue(rules)!, Console.Error);
            if (compilation.Program is null) return 1;
            var program = compilation.Program;
            var fields = SchemaPaths.Fields(program.Model);
            if (fields.Count == 0)
            {
                Console.Out.WriteLine("the rule pack declares no output schema (an `output { ... }` record)");
                return 0;
            }
            // Counted per letter kind (the record's `kind`), so a field only rating letters have does not look missing from the others.
            var counts = new Dictionary<(string Kind, string Path), int>();
            var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var letters = 0;
            if (parse.GetValue(inputs) is { Length: > 0 } paths)
            {
                if (LetterInputs.List(paths, Console.Error) is not { } listing) return 1;
                foreach (var outcome in BatchRunner.Run(program, listing.Letters, BatchRunner.DefaultJobs, keepText: false))
                {
                    if (outcome.Result is not { } result) continue;
                    letters++;
                    var kind = result.Record["kind"] is TextValue { Text: var k } ? k : "(no kind)";
                    kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                    foreach (var path in SchemaPaths.Present(result.Record)) counts[(kind, path)] = counts.GetValueOrDefault((kind, path)) + 1;
                }
            }
            var width = Math.Min(40, fields.Max(f => f.Path.Length));
            var typeWidth = Math.Min(14, fields.Max(f => f.Type.Length));
            if (letters > 0) Console.Out.WriteLine($"{letters} letter(s): {string.Join(", ", kinds.Select(k => $"{k.Value} {k.Key}"))}");
            Console.Out.WriteLine($"{"field".PadRight(width)}  {"type".PadRight(typeWidth)}  written by" + (letters > 0 ? "  found in (per letter kind)" : ""));
            foreach (var field in fields)
            {
                var writers = program.Model.Rules.Where(r => r.Emits.Any(e => ValuePaths.Covers(e.TargetText, field.Path) || ValuePaths.Covers(field.Path, e.TargetText)))
                    .Select(r => r.Name).Distinct().ToList();
                var found = letters > 0 ? "  " + string.Join(", ", kinds.Select(k => $"{k.Key} {counts.GetValueOrDefault((k.Key, field.Path))} of {k.Value}")) : "";
                Console.Out.WriteLine($"{field.Path.PadRight(width)}  {field.Type.PadRight(typeWidth)}  {(writers.Count == 0 ? "(no rule)" : string.Join(", ", writers))}{found}");
            }
            return 0;
        });
        return command;
    }
}
