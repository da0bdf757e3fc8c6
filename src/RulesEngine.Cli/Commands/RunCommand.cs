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
                          "csv: one table per record type in <out>/; html: <out>/report.html with evidence highlighted; html-letters: <out>/<letter>.html per letter.",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv", "html", "html-letters");
        var jobs = new Option<int>("--jobs", "-j") { Description = "Letters processed in parallel (default: one more than the cores, so that a letter read from disk leaves no core idle); output is identical to a sequential run.", DefaultValueFactory = _ => BatchRunner.DefaultJobs };
        var resume = new Option<bool>("--resume") { Description = "With --out and json: skip letters whose output is newer than both the letter and every rule file." };
        var command = new Command("run", """
            Run the rule pack over letters and write one record per letter, every value with its evidence.
            Exit code: 0 when every letter was processed, 2 when some failed, 1 on a usage or rule error.

            Examples:
              rulesengine run
              rulesengine run seeds/ --out out/
              rulesengine run 'letters/**/*.txt' --out out/ --format csv --jobs 2
              rulesengine run letters/ --out report/ --format html
              rulesengine run letters/ --out out/ --resume
              cat letter.txt | rulesengine run -
            Ctrl-C stops after the letters in progress; every file left behind is complete.
            """)
        {
            inputs, rules, output, format, jobs, resume,
        };
        command.SetAction(parse =>
        {
            using var logging = Logging.Create(parse);
            var log = logging.CreateLogger("run");
            var paths = parse.GetValue(inputs) is { Length: > 0 } given ? given : [DefaultLetters];
            // Listing and sorting a folder of 10,000 letters takes a third as long as compiling the
            // pack, and until both are done only one core works: the listing runs on the other.
            var listing = Task.Run(() => LetterSources.Expand(paths).ToList());
            var compilation = RuleOptions.Compile(parse.GetValue(rules)!, Console.Error);
            if (compilation.Program is null) return 1;
            var outDirectory = parse.GetValue(output);
            var chosen = parse.GetValue(format) ?? (outDirectory is null ? "jsonl" : "json");
            if (outDirectory is null && chosen is "csv" or "html" or "html-letters")
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
                    "html-letters" => new HtmlLetterPagesWriter(outDirectory!),
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
            var sources = listing.GetAwaiter().GetResult();
            var skipped = 0;
            if (parse.GetValue(resume))
            {
                if (outDirectory is null || chosen != "json")
                {
                    Console.Error.WriteLine("rulesengine: error: --resume needs --out with the json format (one file per letter)");
                    return 1;
                }
                var rulesChanged = compilation.Sources.Keys.Where(File.Exists).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MaxValue).Max();
                var before = sources.Count;
                sources = sources.Where(s => !IsUpToDate(s, outDirectory, rulesChanged)).ToList();
                skipped = before - sources.Count;
                if (skipped > 0) log.LogInformation("--resume: {Skipped} letter(s) already up to date", skipped);
            }
            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            log.LogDebug("{Count} letter(s) to process with {Jobs} job(s)", sources.Count, parse.GetValue(jobs));
            var summary = new BatchSummary(compilation.Program);
            try
            {
                using var progress = new BatchProgress(sources.Count, Console.Error);
                foreach (var outcome in BatchRunner.Run(compilation.Program, sources, Math.Max(1, parse.GetValue(jobs)), interrupt.Token, writer.Prepare, writer.ShowsLetterText))
                {
                    foreach (var warning in outcome.Warnings) log.LogWarning("{Warning}", warning);
                    if (outcome.Error is { } error) log.LogError("{Error}", error);
                    writer.Write(outcome);
                    summary.Add(outcome);
                    progress.Advance(outcome.Source.Name);
                }
            }
            catch (OperationCanceledException)
            {
                writer.Abandon();
                Console.Error.WriteLine($"interrupted: {summary.Read} of {sources.Count} letter(s) done; their files are complete" +
                    (outDirectory is not null && chosen == "json" ? "; run again with --resume to finish" : "; no partial batch file was written"));
                return 130;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            writer.Complete();
            Console.Error.Write(summary.Format());
            if (skipped > 0) Console.Error.WriteLine($"{skipped} letter(s) skipped as up to date (--resume)");
            return summary.Failed == 0 ? 0 : 2;
        });
        return command;
    }

    private static bool IsUpToDate(LetterSource source, string outDirectory, DateTime rulesChanged)
    {
        var output = Path.Combine(outDirectory, source.Name + ".json");
        if (!File.Exists(output) || !File.Exists(source.DisplayPath)) return false;
        var written = File.GetLastWriteTimeUtc(output);
        return written > File.GetLastWriteTimeUtc(source.DisplayPath) && written > rulesChanged;
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
