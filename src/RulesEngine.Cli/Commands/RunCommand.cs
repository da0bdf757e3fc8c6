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
            Description = "Letter files (text, .html, .docx, .pdf), folders (searched recursively for those), globs, or - for stdin. With --input jsonl: JSON Lines files or -. Default: seeds/.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var rules = RuleOptions.RulesOption();
        var output = new Option<string?>("--out", "-o") { Description = "Output folder. Without it, JSON Lines go to stdout." };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "json: <out>/<letter>.json (the default with --out); jsonl: one line per letter (the default on stdout); " +
                          "csv: one table per record type in <out>/ (UTF-8 with a byte-order mark, for Excel; list items numbered from 1, each with its evidence); " +
                          "html: <out>/report.html, a table of contents and every letter with its evidence highlighted (over 100 letters: the contents, and report-N.html pages of 100); " +
                          "html-letters: <out>/<letter>.html per letter and <out>/index.html listing them.",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "csv", "html", "html-letters");
        var jobs = RuleOptions.JobsOption();
        var resume = new Option<bool>("--resume") { Description = "With --out and json: skip letters whose output is newer than both the letter and every rule file." };
        var input = new Option<string>("--input", "-i")
        {
            Description = "text: the inputs are letters; jsonl: the inputs (or stdin, -) hold one JSON object per line, {\"id\": ..., \"text\": ...}, " +
                          "{\"id\": ..., \"path\": ...} or {\"id\": ..., \"base64\": ...}, and one record per line comes out in input order as it is made, " +
                          "a failed letter as {\"letter\": id, \"error\": ...} (docs/scaling.md).",
            DefaultValueFactory = _ => "text",
        };
        input.AcceptOnlyFromAmong("text", "jsonl");
        var name = new Option<string?>("--name") { Description = "The id of a letter read from stdin (-); default: -." };
        var summaryFormat = new Option<string>("--summary")
        {
            Description = "How the run's summary is written on stderr: text for a person, json for a script (counts, failures, fields per letter, hits per rule, time).",
            DefaultValueFactory = _ => "text",
        };
        summaryFormat.AcceptOnlyFromAmong("text", "json");
        var command = new Command("run", """
            Run the rule pack over letters and write one record per letter, every value with its evidence.
            Exit code: 0 when every letter was processed, 2 when some failed, 1 on a usage or rule error.

            Examples:
              rulesengine run
              rulesengine run seeds/ --out out/
              rulesengine run 'letters/**/*.txt' --out out/ --format csv --jobs 2
              rulesengine run letters/ --out report/ --format html
              rulesengine run letters/ --out out/ --resume
              rulesengine run letters/*.pdf letters/*.docx letters/*.html
              cat letter.txt | rulesengine run -
              jq -c '{id: .name, text: .body}' letters.json | rulesengine run --input jsonl - > records.jsonl
            Ctrl-C stops after the letters in progress; every file left behind is complete.
            """)
        {
            inputs, rules, output, format, jobs, resume, input, name, summaryFormat,
        };
        command.SetAction(parse =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var logging = Logging.Create(parse);
            var log = logging.CreateLogger("run");
            var streaming = parse.GetValue(input) == "jsonl";
            var summaryAsJson = parse.GetValue(summaryFormat) == "json";
            var paths = parse.GetValue(inputs) is { Length: > 0 } given ? given : streaming ? ["-"] : [DefaultLetters];
            if (streaming && (parse.GetValue(format) is { } f && f != "jsonl" || parse.GetValue(resume)))
            {
                Console.Error.WriteLine("rulesengine: error: --input jsonl writes JSON Lines (to stdout, or <out>/letters.jsonl with --out); drop --format and --resume");
                return 1;
            }
            // Listing and sorting a folder of 10,000 letters takes a third as long as compiling the
            // pack, and until both are done only one core works: the listing runs on the other.
            // A JSON Lines stream is read as the batch goes, never ahead of it.
            var listing = streaming ? null : Task.Run(() => LetterSources.List(paths, standardInputName: parse.GetValue(name)));
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
                    "html" => new HtmlReportWriter(Path.Combine(outDirectory!, "report.html"), compilation.Program),
                    "html-letters" => new HtmlLetterPagesWriter(outDirectory!, compilation.Program),
                    "json" when outDirectory is not null => new JsonFilesWriter(outDirectory),
                    "json" => new JsonStdoutWriter(Console.Out),
                    _ when outDirectory is null => new JsonLinesWriter(Console.Out) { WritesFailures = streaming },
                    _ => new JsonLinesWriter(Path.Combine(outDirectory, "letters.jsonl")) { WritesFailures = streaming },
                };
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"rulesengine: error: {e.Message}");
                return 1;
            }
            IReadOnlyList<LetterSource> listed = [];
            var renamed = 0;
            if (listing is not null)
            {
                // Said once, before any letter is read: a mistyped folder must not cost a long batch.
                if (LetterInputs.Report(listing.GetAwaiter().GetResult(), paths, Console.Error) is not { } found) return 1;
                listed = found.Letters;
                renamed = found.Renamed.Count;
            }
            IEnumerable<LetterSource> sources = streaming ? StreamedLetters(paths) : listed;
            var skipped = 0;
            if (parse.GetValue(resume))
            {
                if (outDirectory is null || chosen != "json")
                {
                    Console.Error.WriteLine("rulesengine: error: --resume needs --out with the json format (one file per letter)");
                    return 1;
                }
                var rulesChanged = compilation.Sources.Keys.Where(File.Exists).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MaxValue).Max();
                var before = listed.Count;
                sources = listed = listed.Where(s => !IsUpToDate(s, outDirectory, rulesChanged)).ToList();
                skipped = before - listed.Count;
                if (skipped > 0) log.LogInformation("--resume: {Skipped} letter(s) already up to date", skipped);
            }
            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                interrupt.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            log.LogDebug("{Count} letter(s) to process with {Jobs} job(s)", streaming ? "streamed" : listed.Count, parse.GetValue(jobs));
            var summary = new BatchSummary(compilation.Program) { Renamed = renamed };
            try
            {
                // A stream's length is not known: no progress bar, the records themselves show progress.
                using var progress = new BatchProgress(streaming ? 0 : listed.Count, Console.Error);
                foreach (var outcome in BatchRunner.Run(compilation.Program, sources, Math.Max(1, parse.GetValue(jobs)), interrupt.Token, writer.Prepare, writer.ShowsLetterText))
                {
                    // With the summary as data, stderr holds only that JSON: its failures and warnings list these.
                    if (!summaryAsJson)
                    {
                        foreach (var warning in outcome.Warnings) log.LogWarning("{Warning}", warning);
                        if (outcome.Error is { } error) log.LogError("{Error}", error);
                    }
                    writer.Write(outcome);
                    summary.Add(outcome);
                    progress.Advance(outcome.Source.Name);
                }
            }
            catch (OperationCanceledException)
            {
                writer.Abandon();
                Console.Error.WriteLine($"interrupted: {summary.Read} of {(streaming ? "the streamed" : listed.Count)} letter(s) done; their files are complete" +
                    (outDirectory is not null && chosen == "json" ? "; run again with --resume to finish" : "; no partial batch file was written"));
                return 130;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
            writer.Complete();
            var destination = (chosen, outDirectory) switch
            {
                ("json", null) => "on stdout as JSON",
                (_, null) => "on stdout as JSON Lines",
                ("csv", _) => $"in {outDirectory} as one CSV table per record type",
                ("html", _) => $"in {Path.Combine(outDirectory, "report.html")}",
                ("html-letters", _) => $"in {outDirectory} as one HTML page per letter",
                ("jsonl", _) => $"in {Path.Combine(outDirectory, "letters.jsonl")}",
                _ => $"in {outDirectory} as one JSON file per letter",
            };
            Console.Error.Write(summaryAsJson ? summary.ToJson(clock.Elapsed, destination) : summary.Format(clock.Elapsed, destination));
            if (skipped > 0) Console.Error.WriteLine($"{skipped} letter(s) skipped as up to date (--resume)");
            return summary.Failed == 0 ? 0 : 2;
        });
        return command;
    }

    /// <summary>The letters of JSON Lines inputs (`-` is stdin), read lazily in order.</summary>
    private static IEnumerable<LetterSource> StreamedLetters(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var source in JsonLinesInput.Read(Console.In, "<stdin>")) yield return source;
                continue;
            }
            StreamReader? reader = null;
            string? problem = null;
            try
            {
                reader = new StreamReader(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"cannot read the JSON Lines file: {e.Message}";
            }
            if (reader is null)
            {
                yield return LetterSource.Unreadable(path, path, problem!);
                continue;
            }
            using (reader)
                foreach (var source in JsonLinesInput.Read(reader, path)) yield return source;
        }
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
