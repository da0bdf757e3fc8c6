using System.CommandLine;
using RulesEngine.Batch;
using RulesEngine.Reading;
using RulesEngine.Output;
using RulesEngine.Snapshots;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine snapshot INPUT... --snapshots DIR [--accept [FIELD|LETTER...]] [--review] [--ci]`.</summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Letters, folders, globs or -. Default: seeds/.", Arity = ArgumentArity.ZeroOrMore };
        var rules = RuleOptions.RulesOption();
        var snapshots = new Option<string>("--snapshots", "-s") { Description = "Folder of approved snapshots (<letter>.verified.json).", Required = true };
        var accept = new Option<string[]>("--accept")
        {
            Description = "Approve the new output: all of it, or only the letters or fields named (a field such as rating.grade is accepted in every letter).",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var review = new Option<bool>("--review") { Description = "Step through each change: [y]es accept, [n]o reject, [s]kip, [a]ccept all the rest, [q] reject all the rest." };
        var ci = new Option<bool>("--ci") { Description = "For CI: never approve anything, and fail on obsolete snapshots too." };
        var prune = new Option<bool>("--prune") { Description = "Delete obsolete snapshots (those whose letter is not in this batch), with their received files." };
        var jobs = RuleOptions.JobsOption();
        var command = new Command("snapshot", """
            Compare each letter's output with its approved snapshot and show the differences field by field,
            each attributed to the rule that produced the new value or used to produce the old one.
            Writes <letter>.received.json beside each snapshot that differs; exit 1 when anything differs or is new.

            Examples:
              rulesengine snapshot seeds/ --snapshots tests/RulesEngine.Tests/Pack/snapshots
              rulesengine snapshot seeds/ --snapshots snaps/ --accept
              rulesengine snapshot seeds/ --snapshots snaps/ --accept rating.grade 000_c8c4be644e6a807e
              rulesengine snapshot seeds/ --snapshots snaps/ --review
              rulesengine snapshot seeds/ --snapshots snaps/ --prune
            """)
        {
            inputs, rules, snapshots, accept, review, ci, prune, jobs,
        };
        command.SetAction(parse =>
        {
            var isCi = parse.GetValue(ci);
            var acceptGiven = parse.GetResult(accept) is not null;
            if (isCi && (acceptGiven || parse.GetValue(review) || parse.GetValue(prune)))
            {
                Console.Error.WriteLine("rulesengine: error: --ci never changes snapshots; drop --accept, --review and --prune");
                return 1;
            }
            var compilation = RuleOptions.Compile(parse.GetValue(rules)!, Console.Error);
            if (compilation.Program is null) return 1;
            var store = new LetterSnapshots(parse.GetValue(snapshots)!, compilation.Program);
            var acceptNames = acceptGiven ? parse.GetValue(accept) ?? [] : null;
            var reviewer = parse.GetValue(review) ? new Reviewer() : null;
            var paths = parse.GetValue(inputs) is { Length: > 0 } given ? given : [RunCommand.DefaultLetters];
            var colour = !Console.IsOutputRedirected;
            int matching = 0, changed = 0, fresh = 0, failed = 0, unresolved = 0;
            var letters = new List<string>();
            if (LetterInputs.List(paths, Console.Error) is not { } listing) return 1;
            if (acceptNames is { Length: > 0 } && UnknownAcceptNames(acceptNames, listing.Letters.Select(l => l.Name), compilation.Program) is { } unknown)
            {
                Console.Error.WriteLine($"rulesengine: error: --accept {unknown}");
                return 1;
            }
            foreach (var outcome in BatchRunner.Run(compilation.Program, listing.Letters, Math.Max(1, parse.GetValue(jobs)), keepText: false))
            {
                if (outcome.Result is not { } result)
                {
                    Console.Error.WriteLine(outcome.Error);
                    failed++;
                    continue;
                }
                letters.Add(result.Name);
                var comparison = store.Compare(result);
                switch (comparison.Status)
                {
                    case SnapshotStatus.Matches:
                        matching++;
                        continue;
                    case SnapshotStatus.New:
                        fresh++;
                        Console.Out.WriteLine($"{result.Name}: new, no approved snapshot yet; its output is in {store.Store.ReceivedPath(result.Name)}; approve it with --accept {result.Name} (or --accept for every letter)");
                        break;
                    default:
                        changed++;
                        Print(comparison, colour);
                        break;
                }
                var accepted = Decide(comparison, acceptNames, reviewer);
                if (accepted is null) { unresolved++; continue; }
                store.Accept(comparison, accepted.Count == 0 ? null : accepted);
                var left = store.Store.Compare(result.Name, comparison.Received).Status;
                Console.Out.WriteLine(left == SnapshotStatus.Matches ? $"{result.Name}: accepted" : $"{result.Name}: partly accepted");
                if (left != SnapshotStatus.Matches) unresolved++;
            }
            var obsolete = store.Store.Obsolete(letters).ToList();
            foreach (var name in obsolete)
            {
                if (parse.GetValue(prune))
                {
                    store.Store.Remove(name);
                    Console.Out.WriteLine($"pruned: {store.Store.VerifiedPath(name)} (its letter is not in this batch)");
                }
                else Console.Out.WriteLine($"obsolete: {store.Store.VerifiedPath(name)} (its letter is not in this batch; --prune deletes it)");
            }
            if (parse.GetValue(prune)) obsolete.Clear();
            Console.Out.WriteLine($"{letters.Count} letter(s): {matching} match, {changed} changed, {fresh} new, {obsolete.Count} obsolete" + (failed > 0 ? $", {failed} failed" : ""));
            return unresolved > 0 || failed > 0 || (isCi && obsolete.Count > 0) ? 1 : 0;
        });
        return command;
    }

    /// <summary>
    /// What is wrong with the names given to --accept, or null when each names a letter of the
    /// batch or a field of the schema: a misspelt name must not approve nothing in silence.
    /// </summary>
    private static string? UnknownAcceptNames(string[] names, IEnumerable<string> letters, Matching.RuleProgram program)
    {
        var letterNames = letters.ToHashSet(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (letterNames.Contains(name) || Explaining.Explainer.UnknownField(program, name) is null) continue;
            var nearest = Diagnostics.NameSuggester.Nearest(name, letterNames.Concat(SchemaPaths.All(program.Model)));
            return $"'{name}' is neither a letter of this batch nor a field of the output schema" +
                (nearest is null ? " (`rulesengine fields` lists the fields)" : $"; did you mean '{nearest}'?");
        }
        return null;
    }

    /// <summary>Paths to accept (empty: the whole letter), or null to leave the letter as it is.</summary>
    private static List<string>? Decide(LetterComparison comparison, string[]? acceptNames, Reviewer? reviewer)
    {
        if (acceptNames is not null)
        {
            if (acceptNames.Length == 0 || acceptNames.Contains(comparison.Letter)) return [];
            var fields = acceptNames.Where(n => comparison.Changes.Any(c => ValuePaths.Covers(n, c.Change.Path))).ToList();
            return fields.Count > 0 ? fields : null;
        }
        if (reviewer is null) return null;
        if (comparison.Status == SnapshotStatus.New) return reviewer.Ask($"{comparison.Letter}: approve this new snapshot?") ? [] : null;
        var chosen = comparison.Changes.Where(c => reviewer.Ask($"{comparison.Letter}: {c.Change}  accept?")).Select(c => c.Change.Path).ToList();
        return chosen.Count == 0 ? null : chosen.Count == comparison.Changes.Count ? [] : chosen;
    }

    /// <summary>
    /// The letter's changes by field path, each value change with where its new and old values
    /// came from, and values whose evidence alone changed beside the value changes of their field.
    /// </summary>
    private static void Print(LetterComparison comparison, bool colour)
    {
        var evidence = comparison.EvidenceChanges.Count;
        Console.Out.WriteLine($"{comparison.Letter}: {comparison.Changes.Count} value change(s)" + (evidence > 0 ? $", {evidence} value(s) whose evidence alone changed" : ""));
        var entries = comparison.Changes.Select(c => (c.Change.Path, Value: (AttributedChange?)c, Evidence: (EvidenceChange?)null))
            .Concat(comparison.EvidenceChanges.Select(e => (e.Path, Value: (AttributedChange?)null, Evidence: (EvidenceChange?)e)))
            .OrderBy(e => e.Path, Output.ListPathComparer.Instance);
        foreach (var (_, value, moved) in entries)
        {
            if (value is var (change, newBy, oldBy))
            {
                var (mark, code) = change.Kind switch { ChangeKind.Added => ("+", "32"), ChangeKind.Removed => ("-", "31"), _ => ("~", "33") };
                var line = change.Kind switch
                {
                    ChangeKind.Added => $"{mark} {change.Path}: {change.New}",
                    ChangeKind.Removed => $"{mark} {change.Path}: {change.Old}",
                    _ => $"{mark} {change.Path}: {change.Old} -> {change.New}",
                };
                Console.Out.WriteLine(colour ? $"  \u001b[{code}m{line}\u001b[0m" : $"  {line}");
                if (newBy is not null) Console.Out.WriteLine($"      now by {newBy}");
                if (oldBy is not null && oldBy != newBy) Console.Out.WriteLine($"      was by {oldBy}");
            }
            else if (moved is not null)
            {
                Console.Out.WriteLine($"  = {moved.Path}: same value, other evidence");
                if (moved.NewBy is not null) Console.Out.WriteLine($"      now by {moved.NewBy}");
                if (moved.OldBy is not null) Console.Out.WriteLine($"      was by {moved.OldBy}");
            }
        }
    }

    /// <summary>Asks on stderr and reads answers from stdin, so a review can also be scripted.</summary>
    private sealed class Reviewer
    {
        private bool? _rest;

        public bool Ask(string question)
        {
            if (_rest is { } decided) return decided;
            Console.Error.Write($"{question} [y/n/s/a/q] ");
            var answer = Console.In.ReadLine()?.Trim();
            switch (answer)
            {
                case "a": _rest = true; return true;
                case "q": _rest = false; return false;
                case "y": return true;
                case null: _rest = false; return false;
                default: return false;
            }
        }
    }
}
