using System.Collections;
using RulesEngine.Language.Model;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>
/// Runs a compiled program over one letter, phase by phase: each phase finds its rules' matches
/// (trying a rule only where the start index says it can begin), settles conflicts by the
/// phase's mode, then records annotations for later phases and emits values into the record.
/// </summary>
public static class DocumentMatcher
{
    public static LetterResult Run(RuleProgram program, Document document) => Run(program, document, null, out _);

    /// <summary>Runs only until the record is built; <paramref name="onlyRule"/> keeps only that rule's emissions (for examples).</summary>
    internal static LetterResult Run(RuleProgram program, Document document, string? onlyRule, out long steps) =>
        Run(program, document, onlyRule, out steps, out _);

    /// <param name="finished">The letter's context once matching is done: its annotations can be read, its scopes no longer resolved.</param>
    internal static LetterResult Run(RuleProgram program, Document document, string? onlyRule, out long steps, out MatchContext finished)
    {
        var context = finished = new MatchContext(program, document);
        var vm = PikeVm.ForThread(context);
        try
        {
            return Match(program, document, onlyRule, context, vm, out steps);
        }
        catch
        {
            // A letter stopped part way (its step limit) leaves the thread's VM and storage ready for the next.
            vm.Abandon();
            context.ReturnBuffers();
            throw;
        }
    }

    private static LetterResult Match(RuleProgram program, Document document, string? onlyRule, MatchContext context, PikeVm vm, out long steps)
    {
        var evaluator = new ActionEvaluator(context);
        var builder = new RecordBuilder();
        var hits = new long[program.Rules.Length];
        context.ExampleRule = onlyRule is null ? null : program.RuleNamed(onlyRule);
        for (var phase = 0; phase < program.Phases.Length; phase++)
        {
            // An example's values come from its rule alone: phases after its rule's cannot change them.
            if (context.ExampleRule is { } example && phase > example.Phase) break;
            context.ForgetLookarounds();
            var selected = Select(context, program.Phases[phase], FindMatches(context, vm, phase));
            foreach (var match in selected)
            {
                hits[match.Rule.Order]++;
                Apply(context, evaluator, builder, match, onlyRule);
            }
        }
        steps = context.Steps;
        // The record's evidence is read from the letter's match buffers: built before they go back.
        var (record, evidence) = builder.Build(context.Buffers.RecordEvidence);
        context.ReturnBuffers();
        return new LetterResult(document.Name, record, evidence, ByRuleName(program, hits, count => (int)count), ByRuleName(program, context.RuleTicks, ticks => ticks)) { Format = document.Format, Source = document.Source, Encoding = document.Encoding, Warnings = context.Warnings ?? [] };
    }

    /// <summary>The rules with a non-zero count, by name.</summary>
    private static SortedMap<T> ByRuleName<T>(RuleProgram program, long[] byOrder, Func<long, T> convert)
    {
        var present = 0;
        foreach (var count in byOrder) if (count != 0) present++;
        var names = new string[present];
        var values = new T[present];
        var at = 0;
        foreach (var order in program.RuleOrdersByName)
        {
            if (byOrder[order] == 0) continue;
            names[at] = program.Rules[order].Name;
            values[at++] = convert(byOrder[order]);
        }
        return SortedMap<T>.FromSorted(names, values);
    }

    private static List<RuleMatch> FindMatches(MatchContext context, PikeVm vm, int phaseIndex) =>
        context.Program.Phases[phaseIndex].Mode == ConflictMode.First ? FindMatchesInOrder(context, vm, phaseIndex) : FindMatchesByRule(context, vm, phaseIndex);

    /// <summary>
    /// Where the order of discovery does not matter (`all`, `longest`), each rule visits only the
    /// places it can start: the occurrences of its first words and annotations, or, for a rule
    /// that can start with any token, the tokens inside its scopes.
    /// </summary>
    private static List<RuleMatch> FindMatchesByRule(MatchContext context, PikeVm vm, int phaseIndex)
    {
        var matches = context.Buffers.PhaseMatches();
        var starts = context.Buffers.Starts;
        var example = context.ExampleRule;
        // In an `all` phase no rule's matches touch another's, so an example runs its own rule there
        // and, before it, only the rules that annotate (what it may read): a pack of 40,000 rules
        // with an example each ran every rule for every example.
        var rules = example is not null && example.Phase == phaseIndex && context.Program.Phases[phaseIndex].Mode == ConflictMode.All
            ? [example] : context.Program.Phases[phaseIndex].Rules;
        var annotatorsOnly = example is not null && phaseIndex < example.Phase && context.Program.Phases[phaseIndex].Mode == ConflictMode.All;
        foreach (var rule in rules)
        {
            if (annotatorsOnly && rule.Annotate is null) continue;
            // Rules whose first words are not in the letter cost one look-up each: this keeps
            // matching flat in the number of rules.
            if (!MayStart(context, rule)) continue;
            var reach = RequiredReach.For(context, rule);
            if (reach is { Possible: false }) continue;
            // Timed per rule, not per VM run: two clock reads per run cost more than many runs.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                FindRuleMatches(context, vm, rule, reach, starts, matches);
            }
            catch (MatchBudgetExceededException e)
            {
                throw e.ForRule(rule.Name);
            }
            context.RuleTicks[rule.Order] += System.Diagnostics.Stopwatch.GetTimestamp() - started;
        }
        return matches;
    }

    private static void FindRuleMatches(MatchContext context, PikeVm vm, CompiledRule rule, RequiredReach? reach, List<int> starts, List<RuleMatch> matches)
    {
        var instances = ScopeResolver.Resolve(context, rule.Scopes, vm, reach);
        if (instances.Count == 0) return;
        var nextStart = 0;
        // A rule that starts with a class or regex test and looks at most of the letter visits
        // only where that test passes; one confined to small scopes just walks them.
        if (rule.First.AnyToken && (rule.First.Empty || Covered(instances) < context.Tokens.Length / 4))
        {
            foreach (var scope in instances)
                for (var position = Math.Max(scope.Range.Start, nextStart); position < scope.Range.End; position++)
                {
                    if (position >= nextStart && !CanReach(reach, rule, position, scope))
                    {
                        // Out of reach of some required word: skip to where it comes within reach.
                        context.Considered++;
                        position = reach!.EarliestReaching(position + 1, rule.MaxLength, scope.Range.End) - 1;
                        continue;
                    }
                    nextStart = TryAt(context, vm, rule, null, scope, position, matches, nextStart);
                }
            return;
        }
        if (reach?.Sparsest is { } sparsest && (long)sparsest.Count * rule.MaxLength < context.Tokens.Length / 4) StartsNear(sparsest, rule.MaxLength, starts);
        else StartsOf(context, rule, starts);
        var cursor = 0;
        foreach (var position in starts)
        {
            if (position < nextStart) continue;
            while (cursor < instances.Count && instances[cursor].Range.End <= position) cursor++;
            if (cursor >= instances.Count) break;
            if (instances[cursor].Range.Start > position) continue;
            nextStart = TryAt(context, vm, rule, reach, instances[cursor], position, matches, nextStart);
        }
    }

    private static bool MayStart(MatchContext context, CompiledRule rule)
    {
        var first = rule.First;
        return first.AnyToken || first.Empty || !first.Tests.IsEmpty || !first.Annotations.IsEmpty
            || context.AnyWordOccurs(context.Program.Index.WordSlotsOf(rule));
    }

    private static int Covered(List<ScopeInstance> instances)
    {
        var covered = 0;
        foreach (var instance in instances) covered += instance.Range.Length;
        return covered;
    }

    private static void StartsOf(MatchContext context, CompiledRule rule, List<int> starts)
    {
        starts.Clear();
        foreach (var test in rule.First.Tests) starts.AddRange(context.PositionsPassing(test).AsSpan());
        var slots = context.Program.Index.WordSlotsOf(rule);
        foreach (var slot in slots)
            starts.AddRange(context.PositionsOfWord(slot));
        foreach (var annotation in rule.First.Annotations)
            starts.AddRange(context.StartsOfAnnotation(annotation));
        // Each source is ascending already; only a merge of several needs sorting.
        if (rule.First.Tests.Length + slots.Length + rule.First.Annotations.Length > 1) Positions.SortDistinct(starts);
    }

    /// <summary>
    /// Every place a match could start and still cover one of the rarest required words: a short
    /// rule such as `date` (at most 6 tokens, and only around a month name) is tried there
    /// instead of wherever a number is; the first-token test before each VM run does the rest.
    /// </summary>
    private static void StartsNear(ReadOnlySpan<int> required, int maxLength, List<int> starts)
    {
        starts.Clear();
        var next = 0;
        foreach (var position in required)
        {
            for (var start = Math.Max(next, position - maxLength + 1); start <= position; start++) starts.Add(start);
            next = position + 1;
        }
    }

    /// <summary>Runs a rule at one place; returns where its next match may start.</summary>
    private static int TryAt(MatchContext context, PikeVm vm, CompiledRule rule, RequiredReach? reach, ScopeInstance scope, int position,
        List<RuleMatch> matches, int nextStart)
    {
        context.Considered++;
        if (position < nextStart || !CanReach(reach, rule, position, scope) || !vm.CanStart(rule, position, scope.Range.Start, scope.Range.End)) return nextStart;
        context.Runs++;
        var end = vm.Run(rule.Program, position, scope.Range.Start, scope.Range.End, -1, out var captures);
        if (end <= position) return nextStart;
        matches.Add(new RuleMatch(rule, position, end, captures, scope));
        return end;
    }

    /// <summary>Whether the tokens a match from here could cover hold the rule's required words.</summary>
    private static bool CanReach(RequiredReach? reach, CompiledRule rule, int position, ScopeInstance scope) =>
        reach is null || reach.Within(position, Math.Min(scope.Range.End, position + rule.MaxLength));

    /// <summary>At each place, in document order, the highest-priority rule that matches wins (`first`).</summary>
    private static List<RuleMatch> FindMatchesInOrder(MatchContext context, PikeVm vm, int phaseIndex)
    {
        var phase = context.Program.Phases[phaseIndex];
        var rules = phase.Rules;
        var matches = context.Buffers.PhaseMatches();
        if (rules.IsEmpty) return matches;
        var scopes = new List<ScopeInstance>?[rules.Length];
        var reaches = new RequiredReach?[rules.Length];
        var reachKnown = new bool[rules.Length];
        var cursor = new int[rules.Length];
        var nextStart = new int[rules.Length];
        var blockedUntil = 0;
        var candidates = new List<int>();
        var byPriority = new List<int>();
        var tokens = context.Tokens;
        for (var position = 0; position < tokens.Length; position++)
        {
            var found = context.Program.Index.Candidates(phaseIndex, tokens[position].NormId, context.Annotations.NamesStartingAt(position), candidates);
            if (found.Count == 0) continue;
            if (phase.Mode == ConflictMode.First)
            {
                if (position < blockedUntil) continue;
                if (!ReferenceEquals(found, byPriority))
                {
                    byPriority.Clear();
                    byPriority.AddRange(found);
                    byPriority.Sort((a, b) => rules[b].Priority != rules[a].Priority ? rules[b].Priority.CompareTo(rules[a].Priority) : a.CompareTo(b));
                    found = byPriority;
                }
            }
            for (var c = 0; c < found.Count; c++)
            {
                var index = found[c];
                context.Considered++;
                if (position < nextStart[index]) continue;
                var rule = rules[index];
                if (!reachKnown[index])
                {
                    reachKnown[index] = true;
                    reaches[index] = RequiredReach.For(context, rule);
                }
                if (reaches[index] is { Possible: false }) continue;
                var instances = scopes[index] ??= ScopeResolver.Resolve(context, rule.Scopes, vm, reaches[index]);
                while (cursor[index] < instances.Count && instances[cursor[index]].Range.End <= position) cursor[index]++;
                if (cursor[index] >= instances.Count) continue;
                var scope = instances[cursor[index]];
                if (scope.Range.Start > position || !CanReach(reaches[index], rule, position, scope)
                    || !vm.CanStart(rule, position, scope.Range.Start, scope.Range.End)) continue;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                context.Runs++;
                int end;
                ArraySegment<int> captures;
                try
                {
                    end = vm.Run(rule.Program, position, scope.Range.Start, scope.Range.End, -1, out captures);
                }
                catch (MatchBudgetExceededException e)
                {
                    throw e.ForRule(rule.Name);
                }
                context.RuleTicks[rule.Order] += System.Diagnostics.Stopwatch.GetTimestamp() - started;
                if (end <= position) continue;
                matches.Add(new RuleMatch(rule, position, end, captures, scope));
                nextStart[index] = end;
                if (phase.Mode == ConflictMode.First)
                {
                    blockedUntil = end;
                    break;
                }
            }
        }
        return matches;
    }

    /// <summary>Up to this many matches in a phase, overlaps are found by comparing pairs.</summary>
    private const int SmallPhase = 32;

    /// <summary>Settles overlaps by the phase's mode; the result is in document order, then rule order.</summary>
    private static List<RuleMatch> Select(MatchContext context, CompiledPhase phase, List<RuleMatch> matches)
    {
        if (phase.Mode == ConflictMode.Longest && matches.Count > 1)
        {
            // Longest first, then priority, then document and rule order; found order breaks the
            // remaining ties, as the stable OrderBy chain this replaces did (it was 0.4% of a batch).
            var byPreference = new int[matches.Count];
            for (var i = 0; i < byPreference.Length; i++) byPreference[i] = i;
            var found = matches;
            Array.Sort(byPreference, (x, y) =>
            {
                var (a, b) = (found[x], found[y]);
                if (a.Length != b.Length) return b.Length.CompareTo(a.Length);
                if (a.Rule.Priority != b.Rule.Priority) return b.Rule.Priority.CompareTo(a.Rule.Priority);
                if (a.Start != b.Start) return a.Start.CompareTo(b.Start);
                return a.Rule.Order != b.Rule.Order ? a.Rule.Order.CompareTo(b.Rule.Order) : x.CompareTo(y);
            });
            var taken = new List<RuleMatch>();
            // Which tokens a kept match covers: a match is tested against its own tokens (at most
            // 256), not against every match kept so far, which was quadratic when a rule matches at
            // every token of a long letter.
            // A phase's few matches (the usual case) are compared with each other without the map.
            var covered = found.Count > SmallPhase ? new BitArray(context.Tokens.Length + 1) : null;
            foreach (var index in byPreference)
            {
                var match = found[index];
                var overlaps = false;
                if (covered is null)
                    foreach (var kept in taken) overlaps |= kept.Start < match.End && match.Start < kept.End;
                else
                    for (var position = match.Start; position < match.End && !overlaps; position++) overlaps = covered[position];
                if (overlaps) continue;
                if (covered is not null)
                    for (var position = match.Start; position < match.End; position++) covered[position] = true;
                taken.Add(match);
            }
            matches = taken;
        }
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Rule.Order.CompareTo(b.Rule.Order));
        return matches;
    }

    private static void Apply(MatchContext context, ActionEvaluator evaluator, RecordBuilder builder, in RuleMatch match, string? onlyRule)
    {
        if (match.Rule.Annotate is { } annotate)
        {
            var id = context.Program.AnnotationNames.IndexOf(annotate.Name);
            context.Annotations.Add(id, new AnnotationSpan(match.Start, match.End, evaluator.AnnotationValue(annotate.Value, match), match.Rule.Name));
        }
        if (onlyRule is not null && match.Rule.Name != onlyRule) return;
        var used = match.Rule.Emits.IsEmpty;
        foreach (var emit in match.Rule.Emits)
        {
            if (evaluator.Evaluate(emit.Value, match) is { } value) used |= builder.Emit(emit.Target, value);
        }
        // A warning belongs to a match whose values were kept: a fallback that filled nothing has nothing to warn about.
        if (match.Rule.Warning is { } warning && used)
            (context.Warnings ??= []).Add($"{warning} (rule '{match.Rule.Name}', letter line {context.Tokens[match.Start].Line}: \"{context.Document.TextOf(new TokenRange(match.Start, match.End))}\")");
    }
}
