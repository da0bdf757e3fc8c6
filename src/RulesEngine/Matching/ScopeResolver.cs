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
        var shared = context.Buffers.SharedChains;
        if (!shared.TryGetValue(key, out var known))
        {
            var instances = ResolveChain(context, scopes, vm ?? new PikeVm(context), reach: null);
            shared[key] = known = new SharedChain(instances, Disjoint(instances));
        }
        if (reach is null) return known.Instances;
        var kept = context.Buffers.List();
        return known.Disjoint && reach.Possible ? AroundRarestWords(known.Instances, reach, kept) : WithRequiredWords(known.Instances, reach, kept);
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
    /// <param name="kept">An empty list for the instances kept, returned unless every instance is.</param>
    internal static List<ScopeInstance> AroundRarestWords(List<ScopeInstance> instances, RequiredReach reach, List<ScopeInstance> kept)
    {
        var rarest = reach.Sparsest.AsSpan();
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
    /// <param name="kept">An empty list for the instances kept, returned unless every instance is.</param>
    internal static List<ScopeInstance> WithRequiredWords(List<ScopeInstance> instances, RequiredReach reach, List<ScopeInstance> kept)
    {
        for (var i = 0; i < instances.Count; i++)
            if (reach.Within(instances[i].Range.Start, instances[i].Range.End)) kept.Add(instances[i]);
        return kept.Count == instances.Count ? instances : kept;
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
        var current = context.Buffers.List(1);
        current.Add(new(context.Document.All, NoBindings));
        foreach (var scope in scopes)
        {
            var candidates = PlacesOf(context, scope.Kind);
            // A chain without conditions keeps nearly every candidate under the whole letter: sized
            // once, not grown by doubling through the letter's sentences.
            var next = context.Buffers.List(reach is null && scope.Conditions.IsEmpty && current.Count == 1 ? candidates.Length : 0);
            Dictionary<AfterHeading, int>? firstAfter = null;
            var visited = 0L;
            foreach (var parent in current)
            {
                // Places are in order of their starts, so only those from the first starting inside the
                // parent need a look: each section's sentences, not every sentence for every section.
                for (var c = FirstStartingAtOrAfter(candidates, parent.Range.Start); c < candidates.Length && candidates[c].Range.Start <= parent.Range.End; c++)
                {
                    visited++;
                    var candidate = candidates[c];
                    if (candidate.Range.End > parent.Range.End || candidate.Range.IsEmpty && scope.Kind != ScopeKind.Section) continue;
                    // A place without the rule's required words cannot hold a match, nor can anything inside
                    // it: a cursor step instead of running the scope's conditions (a VM run per table cell).
                    if (reach is not null && !reach.Within(candidate.Range.Start, candidate.Range.End)) continue;
                    var bindings = parent.Bindings;
                    if (scope.Conditions.IsEmpty || Satisfies(context, vm, scope, candidate, ref bindings, ref firstAfter)) next.Add(new ScopeInstance(candidate.Range, bindings));
                }
            }
            // Counted as the VM's steps are: the linearity tests see the walk over places as well.
            context.PlacesVisited += visited;
            current = next;
        }
        // Candidates come in document order, so a chain of one scope kind is in order already;
        // sorting hundreds of sentences anyway cost more than the check.
        if (!Positions.InOrder(current, static instance => instance.Range.Start)) current.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return current;
    }

    /// <summary>The first place starting at or after <paramref name="position"/> (the count when none does).</summary>
    private static int FirstStartingAtOrAfter(ReadOnlySpan<Candidate> places, int position)
    {
        int low = 0, high = places.Length;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (places[middle].Range.Start < position) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>Where scopes of a kind lie in the letter; worked out once per letter and kind, into storage the thread reuses (see <see cref="MatchBuffers"/>).</summary>
    private static ReadOnlySpan<Candidate> PlacesOf(MatchContext context, ScopeKind kind)
    {
        var places = context.Buffers.Places(kind);
        if (!places.Filled)
        {
            Fill(context.Document, kind, places);
            places.SortByStart();
            places.Filled = true;
        }
        return places.Span;
    }

    // Plain loops: LINQ over the document's immutable arrays boxed them and went through an
    // interface call per item (1.5% of a batch).
    private static void Fill(Document document, ScopeKind kind, ScopePlaces places)
    {
        switch (kind)
        {
            case ScopeKind.Document: places.Add(new Candidate(document.All, default, 0)); break;
            case ScopeKind.Head: places.Add(new Candidate(document.Head, default, 0)); break;
            case ScopeKind.Closing: places.Add(new Candidate(document.Closing, default, 0)); break;
            case ScopeKind.Section:
                for (var i = 0; i < document.Sections.Length; i++) places.Add(new Candidate(document.Sections[i].Body, document.Sections[i].Heading, 0, i));
                break;
            case ScopeKind.Heading:
                foreach (var section in document.Sections) places.Add(new Candidate(section.Heading, section.Heading, 0));
                break;
            case ScopeKind.Paragraph:
                foreach (var paragraph in document.Paragraphs) places.Add(new Candidate(paragraph.Tokens, default, 0));
                break;
            case ScopeKind.Sentence:
                foreach (var sentence in document.Sentences) places.Add(new Candidate(sentence.Tokens, default, 0));
                break;
            case ScopeKind.Table:
                foreach (var table in document.Tables) places.Add(new Candidate(table.Tokens, default, 0));
                break;
            case ScopeKind.Row or ScopeKind.Cell:
                foreach (var table in document.Tables)
                foreach (var row in table.Rows)
                {
                    if (kind == ScopeKind.Row) places.Add(new Candidate(row.Tokens, default, 0));
                    else foreach (var cell in row.Cells) places.Add(new Candidate(cell.Tokens, default, cell.Column));
                }
                break;
            case ScopeKind.Item:
                foreach (var item in document.ListItems) places.Add(new Candidate(item.Tokens, default, 0));
                break;
            case ScopeKind.Line:
                foreach (var line in document.Lines) places.Add(new Candidate(line, default, 0));
                break;
        }
    }

    /// <param name="firstAfter">Per `after` condition, the first section whose heading matches it: worked out once per chain, not once per section (which was quadratic in the sections).</param>
    private static bool Satisfies(MatchContext context, PikeVm vm, CompiledScope scope, Candidate candidate, ref ImmutableDictionary<string, Binding> bindings,
        ref Dictionary<AfterHeading, int>? firstAfter)
    {
        foreach (var condition in scope.Conditions)
        {
            switch (condition)
            {
                case InColumn column when candidate.Column != column.Column:
                    return false;
                case AfterHeading after:
                    firstAfter ??= new Dictionary<AfterHeading, int>(ReferenceEqualityComparer.Instance);
                    if (!firstAfter.TryGetValue(after, out var first)) firstAfter[after] = first = FirstHeadingMatching(context, vm, after);
                    if (first >= candidate.Section) return false;
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

    /// <summary>The index of the first section whose heading holds a match of the condition; the section count when none does.</summary>
    private static int FirstHeadingMatching(MatchContext context, PikeVm vm, AfterHeading after)
    {
        var sections = context.Document.Sections;
        for (var i = 0; i < sections.Length; i++)
            if (vm.Run(after.Program, sections[i].Heading.Start, sections[i].Heading.Start, sections[i].Heading.End, -1, out _) > sections[i].Heading.Start) return i;
        return sections.Length;
    }

    private static ImmutableDictionary<string, Binding> Bind(ImmutableDictionary<string, Binding> bindings, ImmutableArray<CaptureSlot> slots, ArraySegment<int> captures)
    {
        if (captures.Array is null) return bindings;
        for (var i = 0; i < slots.Length; i++)
        {
            if (captures[2 * i] >= 0 && captures[2 * i + 1] >= captures[2 * i])
                bindings = bindings.SetItem(slots[i].Name, new Binding(slots[i], new TokenRange(captures[2 * i], captures[2 * i + 1])));
        }
        return bindings;
    }
}
