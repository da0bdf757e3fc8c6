using System.Collections.Immutable;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>Finds where in a letter a rule's chain of `within` scopes lets it match; no scopes means the whole letter.</summary>
internal static class ScopeResolver
{
    private static readonly ImmutableDictionary<string, Binding> NoBindings = ImmutableDictionary<string, Binding>.Empty;

    internal readonly record struct Candidate(TokenRange Range, TokenRange Heading, int Column, int Section = -1);

    /// <summary>
    /// The scope instances, in document order. The list is shared: callers must not change it. (A
    /// List, not an interface: the matcher reads it at every start it tries.)
    /// </summary>
    /// <param name="reach">
    /// The rule's required words, if any: only the places that hold a word of each set are kept, so
    /// a sentence-scoped rule walks the few sentences that can hold its match, and a chain with
    /// conditions skips the other places before running its conditions.
    /// </param>
    public static List<ScopeInstance> Resolve(MatchContext context, ImmutableArray<CompiledScope> scopes, PikeVm? vm = null, RequiredReach? reach = null)
    {
        // Chains without conditions (`within sentence`, `within table row`) recur across rules and
        // phases and depend only on the letter: resolve each once per letter, for every rule.
        if (KeyOf(scopes) is not { } key) return ResolveChain(context, scopes, vm ?? new PikeVm(context), reach);
        if (!context.ResolvedScopes.TryGetValue(key, out var known))
        {
            var instances = ResolveChain(context, scopes, vm ?? new PikeVm(context), reach: null);
            context.ResolvedScopes[key] = known = new SharedChain(instances, Disjoint(instances));
        }
        if (reach is null) return known.Instances;
        return known.Disjoint && reach.Possible ? AroundRarestWords(known.Instances, reach) : WithRequiredWords(known.Instances, reach);
    }

    /// <summary>A chain's instances resolved once per letter; <paramref name="Disjoint"/> when they are in order and none overlaps the next.</summary>
    internal sealed record SharedChain(List<ScopeInstance> Instances, bool Disjoint);

    private static bool Disjoint(List<ScopeInstance> instances)
    {
        for (var i = 1; i < instances.Count; i++)
            if (instances[i].Range.Start < instances[i - 1].Range.End) return false;
        return true;
    }

    /// <summary>
    /// As <see cref="WithRequiredWords"/>, for instances in order that do not overlap: a kept
    /// instance holds a word of the rarest required set, and only one instance can hold each such
    /// word, found by halving. A rule whose rarest word is rare then looks at a few of the letter's
    /// hundreds of sentences instead of testing every one (testing every place for every rule was
    /// 2.0% of a batch's samples, 1.5% this way: many rules' rarest set is `is`/`are`).
    /// </summary>
    internal static List<ScopeInstance> AroundRarestWords(List<ScopeInstance> instances, RequiredReach reach)
    {
        var rarest = reach.Sparsest;
        var kept = new List<ScopeInstance>();
        var from = 0;
        var next = 0;
        while (next < rarest.Length && from < instances.Count)
        {
            var position = rarest[next];
            var at = LastStartingAtOrBefore(instances, from, position);
            if (at < 0 || instances[at].Range.End <= position)
            {
                next++;
                continue;
            }
            var range = instances[at].Range;
            if (reach.Within(range.Start, range.End)) kept.Add(instances[at]);
            from = at + 1;
            while (next < rarest.Length && rarest[next] < range.End) next++;
        }
        return kept.Count == instances.Count ? instances : kept;
    }

    /// <summary>The last instance from <paramref name="from"/> on that starts at or before <paramref name="position"/>; -1 when none does.</summary>
    private static int LastStartingAtOrBefore(List<ScopeInstance> instances, int from, int position)
    {
        int low = from, high = instances.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            if (instances[middle].Range.Start <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else high = middle - 1;
        }
        return found;
    }

    /// <summary>The shared instances that hold a word of each required set; the shared list itself when all do.</summary>
    internal static List<ScopeInstance> WithRequiredWords(List<ScopeInstance> instances, RequiredReach reach)
    {
        List<ScopeInstance>? kept = null;
        for (var i = 0; i < instances.Count; i++)
        {
            if (reach.Within(instances[i].Range.Start, instances[i].Range.End)) kept?.Add(instances[i]);
            else kept ??= instances.GetRange(0, i);
        }
        return kept ?? instances;
    }

    /// <summary>The chain's scope kinds packed into a number, when no scope has conditions and the chain is short enough to pack.</summary>
    private static long? KeyOf(ImmutableArray<CompiledScope> scopes)
    {
        if (scopes.Length > 15) return null;
        long key = 1;
        foreach (var scope in scopes)
        {
            if (!scope.Conditions.IsEmpty) return null;
            key = (key << 4) | (long)scope.Kind;
        }
        return key;
    }

    private static List<ScopeInstance> ResolveChain(MatchContext context, ImmutableArray<CompiledScope> scopes, PikeVm vm, RequiredReach? reach)
    {
        var current = new List<ScopeInstance> { new(context.Document.All, NoBindings) };
        foreach (var scope in scopes)
        {
            var candidates = context.ScopeCandidates[(int)scope.Kind] ??= Candidates(context.Document, scope.Kind);
            // A chain without conditions keeps nearly every candidate under the whole letter: sized
            // once, not grown by doubling through the letter's sentences.
            var next = new List<ScopeInstance>(reach is null && scope.Conditions.IsEmpty && current.Count == 1 ? candidates.Length : 0);
            foreach (var parent in current)
            foreach (var candidate in candidates)
            {
                if (candidate.Range.Start < parent.Range.Start || candidate.Range.End > parent.Range.End || candidate.Range.IsEmpty && scope.Kind != ScopeKind.Section) continue;
                // A place without the rule's required words cannot hold a match, nor can anything inside
                // it: a cursor step instead of running the scope's conditions (a VM run per table cell).
                if (reach is not null && !reach.Within(candidate.Range.Start, candidate.Range.End)) continue;
                var bindings = parent.Bindings;
                if (scope.Conditions.IsEmpty || Satisfies(context, vm, scope, candidate, ref bindings)) next.Add(new ScopeInstance(candidate.Range, bindings));
            }
            current = next;
        }
        // Candidates come in document order, so a chain of one scope kind is in order already;
        // sorting hundreds of sentences anyway cost more than the check.
        if (!Positions.InOrder(current, static instance => instance.Range.Start)) current.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return current;
    }

    /// <summary>Where scopes of a kind lie in the letter; worked out once per letter and kind (see <see cref="MatchContext.ScopeCandidates"/>).</summary>
    private static Candidate[] Candidates(Document document, ScopeKind kind) => kind switch
    {
        ScopeKind.Document => [new Candidate(document.All, default, 0)],
        ScopeKind.Head => [new Candidate(document.Head, default, 0)],
        ScopeKind.Closing => [new Candidate(document.Closing, default, 0)],
        ScopeKind.Section => Each(document.Sections, static (s, i) => new Candidate(s.Body, s.Heading, 0, i)),
        ScopeKind.Heading => Each(document.Sections, static (s, _) => new Candidate(s.Heading, s.Heading, 0)),
        ScopeKind.Paragraph => Each(document.Paragraphs, static (p, _) => new Candidate(p.Tokens, default, 0)),
        ScopeKind.Sentence => Each(document.Sentences, static (s, _) => new Candidate(s.Tokens, default, 0)),
        ScopeKind.Table => Each(document.Tables, static (t, _) => new Candidate(t.Tokens, default, 0)),
        ScopeKind.Row => RowsOrCells(document, cells: false),
        ScopeKind.Cell => RowsOrCells(document, cells: true),
        ScopeKind.Item => Each(document.ListItems, static (item, _) => new Candidate(item.Tokens, default, 0)),
        ScopeKind.Line => Each(document.Lines, static (line, _) => new Candidate(line, default, 0)),
        _ => [],
    };

    // Plain loops into exact-size arrays: LINQ over the document's immutable arrays boxed them and
    // went through an interface call per item (1.5% of a batch).
    private static Candidate[] Each<T>(ImmutableArray<T> items, Func<T, int, Candidate> candidate)
    {
        var candidates = new Candidate[items.Length];
        for (var i = 0; i < candidates.Length; i++) candidates[i] = candidate(items[i], i);
        return candidates;
    }

    private static Candidate[] RowsOrCells(Document document, bool cells)
    {
        var candidates = new List<Candidate>();
        foreach (var table in document.Tables)
        foreach (var row in table.Rows)
        {
            if (!cells) candidates.Add(new Candidate(row.Tokens, default, 0));
            else foreach (var cell in row.Cells) candidates.Add(new Candidate(cell.Tokens, default, cell.Column));
        }
        return [.. candidates];
    }

    private static bool Satisfies(MatchContext context, PikeVm vm, CompiledScope scope, Candidate candidate, ref ImmutableDictionary<string, Binding> bindings)
    {
        foreach (var condition in scope.Conditions)
        {
            switch (condition)
            {
                case InColumn column when candidate.Column != column.Column:
                    return false;
                case AfterHeading after:
                    var sections = context.Document.Sections;
                    var found = false;
                    for (var i = 0; i < candidate.Section && !found; i++)
                        found = vm.Run(after.Program, sections[i].Heading.Start, sections[i].Heading.Start, sections[i].Heading.End, -1, out _) > sections[i].Heading.Start;
                    if (!found) return false;
                    break;
                case HeadingMatches heading:
                    var range = candidate.Heading;
                    var trimmed = range.End;
                    while (trimmed > range.Start && context.Tokens[trimmed - 1].Kind == TokenKind.Punctuation) trimmed--;
                    var end = vm.Run(heading.Program, range.Start, range.Start, range.End, trimmed, out var headingCaptures);
                    if (end < 0 && trimmed != range.End) end = vm.Run(heading.Program, range.Start, range.Start, range.End, range.End, out headingCaptures);
                    if (end <= range.Start) return false;
                    bindings = Bind(bindings, heading.Captures, headingCaptures);
                    break;
                case StartsWith starts:
                    var startEnd = vm.Run(starts.Program, candidate.Range.Start, candidate.Range.Start, candidate.Range.End, -1, out var startCaptures);
                    if (startEnd <= candidate.Range.Start) return false;
                    bindings = Bind(bindings, starts.Captures, startCaptures);
                    break;
            }
        }
        return true;
    }

    private static ImmutableDictionary<string, Binding> Bind(ImmutableDictionary<string, Binding> bindings, ImmutableArray<CaptureSlot> slots, int[]? captures)
    {
        if (captures is null) return bindings;
        for (var i = 0; i < slots.Length; i++)
        {
            if (captures[2 * i] >= 0 && captures[2 * i + 1] >= captures[2 * i])
                bindings = bindings.SetItem(slots[i].Name, new Binding(slots[i], new TokenRange(captures[2 * i], captures[2 * i + 1])));
        }
        return bindings;
    }
}
