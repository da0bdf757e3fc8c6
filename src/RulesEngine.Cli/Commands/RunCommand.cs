using System.CommandLine;
using RulesEngine.Batch;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine run INPUT... [--rules DIR] [--out DIR]`: letters in, one record per letter out.</summary>
internal static class RunCommand
{
    public const string DefaultLetters = "seeds";

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Letter files, folders (searched recursively for *.txt), globs, or - for stdin. Default: seeds/.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rules = RuleOptions.RulesOption();
        var output = new Option<string?>("--out", "-o") { Description = "Write <out>/<letter>.json per letter instead of printing." };
        var format = new Option<string?>("--format", "-f") { Description = "json (indented, one file per letter with --out) or jsonl (one line per letter; the default on stdout)." };
        format.AcceptOnlyFromAmong("json", "jsonl");
        var command = new Command("run", "Run the rule pack over letters and write one JSON record per letter, with evidence.\n\nExamples:\n  rulesengine run\n  rulesengine run seeds/ --out out/\n  cat letter.txt | rulesengine run - --format json")
        {
            inputs, rules, output, format,
        };
        command.SetAction(parse =>
        {
            var compilation = RuleOptions.Compile(parse.GetValue(rules)!, Console.Error);
            if (compilation.Program is null) return 1;
            var paths = parse.GetValue(inputs) is { Length: > 0 } given ? given : [DefaultLetters];
            var outDirectory = parse.GetValue(output);
            var chosenFormat = parse.GetValue(format) ?? (outDirectory is null ? "jsonl" : "json");
            var read = 0;
            var failed = new List<string>();
            foreach (var source in LetterSources.Expand(paths))
            {
                var outcome = LetterProcessor.Process(compilation.Program, source);
                foreach (var warning in outcome.Warnings) Console.Error.WriteLine(warning);
                read++;
                if (outcome.Result is not { } result)
                {
                    failed.Add(outcome.Error!);
                    continue;
                }
                var json = JsonOutput.Serialize(result, indented: chosenFormat == "json");
                if (outDirectory is not null) AtomicFile.WriteAllText(Path.Combine(outDirectory, result.Name + (chosenFormat == "json" ? ".json" : ".jsonl")), json.TrimEnd('\n') + "\n");
                else Console.Out.WriteLine(json.TrimEnd('\n'));
                Console.Error.WriteLine($"{source.DisplayPath}: {result.Record.Fields.Count} fields ({string.Join(", ", result.Record.Fields.Keys)})");
            }
            Console.Error.WriteLine($"{read} letter(s) read, {read - failed.Count} processed, {failed.Count} failed");
            foreach (var failure in failed) Console.Error.WriteLine(failure);
            return failed.Count == 0 ? 0 : 2;
        });
        return command;
    }
}
