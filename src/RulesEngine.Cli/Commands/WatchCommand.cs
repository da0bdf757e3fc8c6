using System.CommandLine;
using RulesEngine.Batch;
using RulesEngine.Examples;
using RulesEngine.Language.Compilation;
using RulesEngine.Output;
using RulesEngine.Reading;
using RulesEngine.Snapshots;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine watch [INPUT...]`: re-runs check, test and a batch whenever a rule file changes, and shows what changed.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "The batch to re-run. Default: seeds/.", Arity = ArgumentArity.ZeroOrMore };
        var rules = RuleOptions.RulesOption();
        var maxRuns = new Option<int>("--max-runs") { Description = "Stop after this many runs (0: until Ctrl-C).", DefaultValueFactory = _ => 0 };
        var command = new Command("watch", """
            Watch the rule folder; on every change re-run check, the rule examples and the batch, and show
            which fields of which letters changed since the last run, and the slowest rules.

            Examples:
              rulesengine watch
              rulesengine watch letters/ --rules rules/
            """)
        {
            inputs, rules, maxRuns,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(rules)!;
            var paths = parse.GetValue(inputs) is { Length: > 0 } given ? given : [RunCommand.DefaultLetters];
            var limit = parse.GetValue(maxRuns);
            var previous = new Dictionary<string, string>(StringComparer.Ordinal);
            using var changed = new SemaphoreSlim(0);
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            using var watcher = new FileSystemWatcher(Path.GetFullPath(folder), "*.rules") { IncludeSubdirectories = true, EnableRaisingEvents = true };
            FileSystemEventHandler signal = (_, _) => changed.Release();
            watcher.Changed += signal;
            watcher.Created += signal;
            watcher.Deleted += signal;
            watcher.Renamed += (_, _) => changed.Release();
            for (var run = 1; ; run++)
            {
                RunOnce(folder, paths, previous, run);
                if (limit > 0 && run >= limit) return 0;
                Console.Out.WriteLine($"watching {folder} for changes (Ctrl-C to stop)");
                try
                {
                    changed.Wait(stop.Token);
                    // Editors write a file in several steps: wait for them to settle, then take every event at once.
                    Thread.Sleep(300);
                    while (changed.CurrentCount > 0) changed.Wait(0);
                }
                catch (OperationCanceledException)
                {
                    return 0;
                }
            }
        });
        return command;
    }

    private static void RunOnce(string folder, string[] paths, Dictionary<string, string> previous, int run)
    {
        Console.Out.WriteLine($"--- run {run} at {DateTime.Now:HH:mm:ss}");
        var compilation = RuleCompiler.CompileFolder(folder);
        Console.Out.Write(compilation.Format());
        if (compilation.Program is null)
        {
            Console.Out.WriteLine($"check: {compilation.Errors.Count()} error(s); fix them to see results");
            return;
        }
        var examples = ExampleRunner.RunAll(compilation.Program);
        foreach (var failed in examples.Where(e => e.Status == ExampleStatus.Failed))
            Console.Out.WriteLine($"{failed.Example.Location}: FAIL example for rule '{failed.Example.RuleName}': {string.Join("; ", failed.Problems)}");
        Console.Out.WriteLine($"test: {examples.Count(e => e.Status == ExampleStatus.Passed)} passed, {examples.Count(e => e.Status == ExampleStatus.Failed)} failed");
        if (LetterInputs.List(paths, Console.Out) is not { } listing) return;
        var summary = new BatchSummary(compilation.Program) { Renamed = listing.Renamed.Count };
        var changes = 0;
        foreach (var outcome in BatchRunner.Run(compilation.Program, listing.Letters, BatchRunner.DefaultJobs, keepText: false))
        {
            summary.Add(outcome);
            if (outcome.Result is not { } result)
            {
                Console.Out.WriteLine(outcome.Error);
                continue;
            }
            var json = result.Record.ToJson();
            if (previous.TryGetValue(result.Name, out var before))
            {
                foreach (var change in JsonDiff.Compare(before, json))
                {
                    Console.Out.WriteLine($"{result.Name}: {change}");
                    changes++;
                }
            }
            previous[result.Name] = json;
        }
        Console.Out.WriteLine(run == 1 ? $"batch: {summary.Read} letter(s), {summary.Failed} failed" : $"batch: {summary.Read} letter(s), {changes} field change(s) since the last run");
        Console.Out.Write(string.Join("", summary.Format().Split('\n').SkipWhile(l => !l.StartsWith("hits per rule")).Take(6).Select(l => l + "\n")));
    }
}
