using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>The per-letter state of a run: the letter, the annotations made so far, and a step count.</summary>
internal sealed class MatchContext(RuleProgram program, Document document)
{
    public RuleProgram Program { get; } = program;

    /// <summary>Positions where spans annotated with this name start, ascending.</summary>
    public List<int> StartsOfAnnotation(string name) => Annotations.StartsOf(Program.AnnotationNames.IndexOf(name));
    public Document Document { get; } = document;
    public TokenList Tokens { get; } = document.Tokens;
    public AnnotationStore Annotations { get; } = new(program.AnnotationNames.Length);

    /// <summary>The rule an example is run for (<c>test</c>), or null for a letter.</summary>
    public CompiledRule? ExampleRule { get; set; }

    /// <summary>What `warn` rules said about this letter, in the order their matches were used.</summary>
    public List<string>? Warnings { get; set; }

    private Dictionary<(Lookaround Look, int Start, int End), bool[]>? _lookaroundScans;

    /// <summary>
    /// Where each long lookaround holds in a scope, scanned once per scope and phase and kept for
    /// every place asked about (see <see cref="PikeVm.EndsOfMatches"/> and <see cref="PikeVm.StartsOfMatches"/>).
    /// </summary>
    public Dictionary<(Lookaround Look, int Start, int End), bool[]> LookaroundScans => _lookaroundScans ??= [];

    /// <summary>A new phase may read annotations the last one made: what lookarounds found before no longer holds.</summary>
    public void ForgetLookarounds() => _lookaroundScans?.Clear();

    /// <summary>Instructions executed by the VM: the matcher's cost, counted rather than timed.</summary>
    public long Steps { get; set; }

    /// <summary>
    /// The most VM steps a letter may take: far above any real rule pack (the Ofsted pack takes a
    /// few hundred a token), it turns a pattern that is within the compile budget but costly at
    /// every token (a 100,000-instruction alternation of optional parts) into a reported failure
    /// of that letter instead of minutes of matching.
    /// </summary>
    public long StepLimit { get; init; } = 100_000_000 + 10_000L * document.Tokens.Length;

    /// <summary>Places (sections, sentences, cells...) looked at while resolving `within` chains.</summary>
    public long PlacesVisited { get; set; }

    /// <summary>Rules considered at a token, and VM runs started (after the first-token test).</summary>
    public long Considered { get; set; }
    public long Runs { get; set; }

    // The word index: positions grouped by slot in one array, slot s at [_slotStarts[s], _slotStarts[s + 1]).
    // Counted, then filled, so a letter makes two arrays instead of a growing list per word.
    private ArraySegment<int> _slotStarts;
    private ArraySegment<int> _slotPositions;
    private bool _wordIndexBuilt;

    /// <summary>Where a word that begins some rule (by its start-index slot) occurs in the letter, ascending; built once per letter for all phases.</summary>
    public ReadOnlySpan<int> PositionsOfWord(int slot)
    {
        if (!_wordIndexBuilt) BuildWordIndex();
        var starts = _slotStarts.AsSpan();
        return _slotPositions.AsSpan(starts[slot], starts[slot + 1] - starts[slot]);
    }

    private void BuildWordIndex()
    {
        var index = Program.Index;
        // Norm ids side by side (TokenColumns): the walk reads 4 bytes a token instead of reaching
        // each token object.
        var ids = Tokens.NormIds;
        // The slot table as a span held here: through SlotOf the walk reloaded it at every token
        // (the word index took 2.2-2.5% of samples that way against 1.9%).
        var slotByWord = index.SlotsByWord;
        // One walk over the letter notes the tokens that are some rule's word, with their slots;
        // only those are then placed, not every token a second time.
        var found = System.Buffers.ArrayPool<int>.Shared.Rent(ids.Length);
        var foundSlots = System.Buffers.ArrayPool<int>.Shared.Rent(ids.Length);
        var count = 0;
        var startsSlice = Buffers.Ints(index.SlotCount + 1);
        var starts = startsSlice.AsSpan();
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            if ((uint)id >= (uint)slotByWord.Length || slotByWord[id] is not (>= 0 and var slot)) continue;
            found[count] = i;
            foundSlots[count++] = slot;
            starts[slot + 1]++;
        }
        for (var slot = 0; slot < index.SlotCount; slot++) starts[slot + 1] += starts[slot];
        var positionsSlice = Buffers.Ints(count);
        var positions = positionsSlice.AsSpan();
        var next = index.SlotCount <= 1024 ? stackalloc int[index.SlotCount] : new int[index.SlotCount];
        starts[..index.SlotCount].CopyTo(next);
        for (var f = 0; f < count; f++) positions[next[foundSlots[f]]++] = found[f];
        System.Buffers.ArrayPool<int>.Shared.Return(found);
        System.Buffers.ArrayPool<int>.Shared.Return(foundSlots);
        (_slotStarts, _slotPositions, _wordIndexBuilt) = (startsSlice, positionsSlice, true);
    }

    private ArraySegment<int>[]? _requiredPositions;

    /// <summary>Whether any of these words (by start-index slot) occurs in the letter.</summary>
    public bool AnyWordOccurs(int[] slots)
    {
        foreach (var slot in slots)
            if (!PositionsOfWord(slot).IsEmpty) return true;
        return false;
    }

    /// <summary>Whether any word of one required set occurs in the letter.</summary>
    public bool HasRequiredSet(int set) =>
        _requiredPositions?[set] is { Array: not null } known ? known.Count > 0 : AnyWordOccurs(Program.Index.SlotsOfRequiredSet(set));

    /// <summary>Where the words of one required set occur in the letter, ascending; built once per letter for all rules.</summary>
    public ArraySegment<int> PositionsOfRequiredSet(int set)
    {
        _requiredPositions ??= new ArraySegment<int>[Program.Index.RequiredSetCount];
        if (_requiredPositions[set] is { Array: not null } known) return known;
        var slots = Program.Index.SlotsOfRequiredSet(set);
        var total = 0;
        foreach (var slot in slots) total += PositionsOfWord(slot).Length;
        // Each word's positions are ascending and no two words share a token: merge each into the
        // result from the back, in place (concatenating and sorting was 1% of a batch).
        var slice = Buffers.Ints(total);
        var merged = slice.AsSpan();
        var filled = 0;
        foreach (var slot in slots)
        {
            var next = PositionsOfWord(slot);
            var (from, take, into) = (filled - 1, next.Length - 1, filled + next.Length - 1);
            while (take >= 0) merged[into--] = from >= 0 && merged[from] > next[take] ? merged[from--] : next[take--];
            filled += next.Length;
        }
        return _requiredPositions[set] = slice;
    }

    private MatchBuffers? _buffers = MatchBuffers.Take();

    /// <summary>This letter's working storage, the thread's until <see cref="ReturnBuffers"/>.</summary>
    public MatchBuffers Buffers => _buffers ?? throw new InvalidOperationException("the letter's matching is done: its working storage is no longer kept");

    /// <summary>Gives the working storage back to the thread for its next letter; scopes, positions and reaches cannot be asked for after this.</summary>
    public void ReturnBuffers()
    {
        _buffers?.Return();
        _buffers = null;
    }

    private readonly Dictionary<int, ArraySegment<int>> _passing = [];

    /// <summary>Where a one-token test passes in this letter, computed once and shared by every rule that starts with it.</summary>
    public ArraySegment<int> PositionsPassing(int test)
    {
        if (_passing.TryGetValue(test, out var known)) return known;
        var check = Program.Tests[test];
        // Collected in a pooled buffer of the letter's length, then kept at its size in the
        // letter's match buffers: a few hundred positions, where a buffer of the letter's length
        // made per letter was 7 KB of garbage.
        var passing = System.Buffers.ArrayPool<int>.Shared.Rent(Tokens.Length);
        var count = check.Passing(Tokens, passing);
        var positions = Buffers.Ints(count);
        passing.AsSpan(0, count).CopyTo(positions);
        System.Buffers.ArrayPool<int>.Shared.Return(passing);
        return _passing[test] = positions;
    }

    /// <summary>Stopwatch ticks spent in each rule (by rule order), for the run summary.</summary>
    public long[] RuleTicks { get; } = new long[program.Rules.Length];
}

/// <summary>A span an annotating rule marked, with its value; later phases match it as `@Name`.</summary>
internal sealed record AnnotationSpan(int Start, int End, object? Value, string Rule);

internal sealed class AnnotationStore(int names)
{
    private readonly Dictionary<int, List<AnnotationSpan>>[] _byStart =
        Enumerable.Range(0, names).Select(_ => new Dictionary<int, List<AnnotationSpan>>()).ToArray();

    public void Add(int name, AnnotationSpan span)
    {
        if (!_byStart[name].TryGetValue(span.Start, out var spans)) _byStart[name][span.Start] = spans = [];
        if (EndingAt(spans, span.End) is not null) return;
        spans.Add(span);
        if (!_namesAt.TryGetValue(span.Start, out var here)) _namesAt[span.Start] = here = [];
        if (!here.Contains(name)) here.Add(name);
    }

    private readonly Dictionary<int, List<int>> _namesAt = [];
    private static readonly int[] NoNames = [];

    public IReadOnlyList<int> NamesStartingAt(int position) => _namesAt.TryGetValue(position, out var names) ? names : NoNames;

    // `cond ? list : []` would make a new empty List on every call, at every token: share one empty array.
    private static readonly AnnotationSpan[] NoSpans = [];

    public IReadOnlyList<AnnotationSpan> StartingAt(int name, int position) =>
        _byStart[name].TryGetValue(position, out var spans) ? spans : NoSpans;

    /// <summary>Every span annotated with a name, in document order.</summary>
    public IEnumerable<AnnotationSpan> All(int name) => _byStart[name].OrderBy(p => p.Key).SelectMany(p => p.Value);

    /// <summary>Positions where spans with this name start, ascending.</summary>
    public List<int> StartsOf(int name)
    {
        var starts = _byStart[name].Keys.ToList();
        starts.Sort();
        return starts;
    }

    public AnnotationSpan? Exactly(int name, int start, int end) =>
        _byStart[name].TryGetValue(start, out var spans) ? EndingAt(spans, end) : null;

    // A loop, not `FirstOrDefault(s => s.End == end)`: the lambda's captured end cost a closure and a
    // delegate on every call, for every annotation added and every annotated value read.
    private static AnnotationSpan? EndingAt(List<AnnotationSpan> spans, int end)
    {
        foreach (var span in spans) if (span.End == end) return span;
        return null;
    }
}
