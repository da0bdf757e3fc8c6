using System.CommandLine;
using Microsoft.Extensions.Logging;
using RulesEngine.Batch;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine run INPUT... [--rules DIR] [--out DIR] [--format F] [--jobs N]`: letters in, one record per letter out.</summary>
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
        var output = new Option<string?>("--out", "-o") { Description = "Output folder. Without it, JSON Lines go to stdout." };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "json: <out>/<letter>.json (the default with --out); jsonl: one line per letter (the default on stdout); " +
                          "csv: one table per record type in <out>/; html: <out>/report.html with evidence highlighted.",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv", "html");
        var jobs = new Option<int>("--jobs", "-j") { Description = "Letters processed in parallel; output is identical to a sequential run.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("run", """
            Run the rule pack over letters and write one record per letter, every value with its evidence.
            Exit code: 0 when every letter was processed, 2 when some failed, 1 on a usage or rule error.

            Examples:
              rulesengine run
              rulesengine run seeds/ --out out/
              rulesengine run 'letters/**/*.txt' --out out/ --format csv --jobs 2
              rulesengine run letters/ --out report/ --format html
              cat letter.txt | rulesengine run -
            """)
        {
            inputs, rules, output, format, jobs,
        };
        command.SetAction(parse =>
        {
            using var logging = Logging.Create(parse);
            var log = logging.CreateLogger("run");
            var compilation = RuleOptions.Compile(parse.GetValue(rules)!, Console.Error);
            if (compilation.Program is null) return 1;
            var outDirectory = parse.GetValue(output);
            var chosen = parse.GetValue(format) ?? (outDirectory is null ? "jsonl" : "json");
            if (outDirectory is null && chosen is "json" or "csv" or "html" && parse.GetValue(format) is not null && chosen != "json")
            {
                Console.Error.WriteLine($"rulesengine: error: --format {chosen} writes files: give --out DIR");
                return 1;
            }
            ILetterWriter writer;
            try
            {
                writer = chosen switch
                {
                    "csv" => new CsvTablesWriter(outDirectory!, compilation.Program.Model),
                    "html" => new HtmlReportWriter(Path.Combine(outDirectory!, "report.html")),
                    "json" when outDirectory is not null => new JsonFilesWriter(outDirectory),
                    "json" => new JsonStdoutWriter(Console.Out),
                    _ => outDirectory is null ? new JsonLinesWriter(Console.Out) : new JsonLinesWriter(Path.Combine(outDirectory, "letters.jsonl")),
                };
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"rulesengine: error: {e.Message}");
                return 1;
            }
            var paths = parse.GetValue(inputs) is { Length: > 0 } given ? given : [DefaultLetters];
            var sources = LetterSources.Expand(paths).ToList();
            log.LogDebug("{Count} letter(s) to process with {Jobs} job(s)", sources.Count, parse.GetValue(jobs));
            var summary = new BatchSummary(compilation.Program);
            using (var progress = new BatchProgress(sources.Count, Console.Error))
            {
                foreach (var outcome in BatchRunner.Run(compilation.Program, sources, Math.Max(1, parse.GetValue(jobs))))
                {
                    foreach (var warning in outcome.Warnings) log.LogWarning("{Warning}", warning);
                    if (outcome.Error is { } error) log.LogError("{Error}", error);
                    writer.Write(outcome);
                    summary.Add(outcome);
                    progress.Advance(outcome.Source.Name);
                }
            }
            writer.Complete();
            Console.Error.Write(summary.Format());
            return summary.Failed == 0 ? 0 : 2;
        });
        return command;
    }

    /// <summary>Indented JSON records on stdout, one after another (for reading a letter or two by eye).</summary>
    private sealed class JsonStdoutWriter(TextWriter output) : ILetterWriter
    {
        public void Write(LetterOutcome outcome)
        {
            if (outcome.Result is { } result) output.Write(JsonOutput.Serialize(result));
        }

        public void Complete() => output.Flush();
    }
}
