namespace RulesEngine.Matching;

/// <summary>
/// Storage for one letter's matching that a thread reuses for its next letter: the places of each
/// scope kind, the chains shared by rules, the lists of scope instances, each phase's list of
/// starts and of matches, the evidence of values and of the record, and the letter's int arrays
/// (its word index, where each required set's words are, where each first test passes, each
/// rule's reach of them, and the captures of matches). Made afresh per letter these were 30 KB of its
/// 135 KB, and every 32 MB a batch allocates costs a collection that stops every worker for about
/// 2 ms. A context takes its thread's buffers when it is made and the matcher gives them back
/// when the letter is done; a second context on the same thread meanwhile (explaining a rule
/// while a batch runs) gets buffers of its own, so none is shared.
/// </summary>
internal sealed class MatchBuffers
{
    // Past this many instances a list is dropped on return rather than kept, so that one very long
    // letter does not leave its storage on the thread for the rest of the batch.
    private const int MaxKept = 4096;

    [ThreadStatic] private static MatchBuffers? _free;

    private readonly List<List<ScopeInstance>> _lists = [];
    private int _listsInUse;
    private readonly ScopePlaces[] _places = new ScopePlaces[(int)ScopeKind.Line + 1];
    private int[] _ints = new int[MaxKept];
    private int _intsUsed;
    private readonly List<RequiredReach> _reaches = [];
    private int _reachesInUse;

    private MatchBuffers()
    {
        for (var kind = 0; kind < _places.Length; kind++) _places[kind] = new ScopePlaces();
    }

    /// <summary>This thread's buffers if no context holds them, otherwise new ones.</summary>
    public static MatchBuffers Take()
    {
        var buffers = _free ?? new MatchBuffers();
        _free = null;
        return buffers;
    }

    /// <summary>Empties the buffers for this thread's next letter; nothing handed out before may be used after.</summary>
    public void Return()
    {
        for (var i = 0; i < _listsInUse; i++)
        {
            if (_lists[i].Capacity > MaxKept) _lists[i] = [];
            else _lists[i].Clear();
        }
        _listsInUse = 0;
        foreach (var places in _places) places.Clear(MaxKept);
        SharedChains.Clear();
        if (_ints.Length > 16 * MaxKept) _ints = new int[MaxKept];
        _intsUsed = 0;
        _reachesInUse = 0;
        if (Starts.Capacity > MaxKept) Starts = [];
        if (_matches.Capacity > MaxKept) _matches = [];
        if (RecordEvidence.Capacity > MaxKept) RecordEvidence = [];
        Starts.Clear();
        _matches.Clear();
        RecordEvidence.Clear();
        Evidence.Clear(MaxKept);
        _free = this;
    }

    /// <summary>An empty list of instances, valid until the letter is done.</summary>
    public List<ScopeInstance> List(int capacity = 0)
    {
        if (_listsInUse == _lists.Count) _lists.Add(new List<ScopeInstance>(capacity));
        var list = _lists[_listsInUse++];
        if (list.Capacity < capacity) list.Capacity = capacity;
        return list;
    }

    /// <summary>
    /// <paramref name="length"/> ints, zeroed, valid until the letter is done. Taken in turn from
    /// one array; a letter that needs more gets a larger array and keeps the old one's slices.
    /// </summary>
    public ArraySegment<int> Ints(int length)
    {
        if (_intsUsed + length > _ints.Length) (_ints, _intsUsed) = (new int[Math.Max(2 * _ints.Length, length)], 0);
        var slice = new ArraySegment<int>(_ints, _intsUsed, length);
        // Zeroed when handed out, not when given back: a slice is often filled to its end anyway,
        // but the word index counts into its slice from zero.
        slice.AsSpan().Clear();
        _intsUsed += length;
        return slice;
    }

    /// <summary>A reach object to fill for one rule, valid until the letter is done.</summary>
    public RequiredReach Reach()
    {
        if (_reachesInUse == _reaches.Count) _reaches.Add(new RequiredReach());
        return _reaches[_reachesInUse++];
    }

    /// <summary>Where scopes of one kind lie in this letter, once filled (see <see cref="ScopePlaces.Filled"/>).</summary>
    public ScopePlaces Places(ScopeKind kind) => _places[(int)kind];

    /// <summary>Scope chains without conditions, resolved once per letter (see <see cref="ScopeResolver"/>).</summary>
    public Dictionary<long, ScopeResolver.SharedChain> SharedChains { get; } = [];

    /// <summary>Where a rule may start, for one rule at a time.</summary>
    public List<int> Starts { get; private set; } = [];

    private List<RuleMatch> _matches = [];

    /// <summary>An empty list for one phase's matches: a phase's are applied before the next phase finds its own.</summary>
    public List<RuleMatch> PhaseMatches()
    {
        _matches.Clear();
        return _matches;
    }

    /// <summary>The record's evidence by path, collected once matching is done (see <see cref="RecordBuilder.Build"/>).</summary>
    public List<KeyValuePair<string, Output.Evidence>> RecordEvidence { get; private set; } = [];

    /// <summary>The evidence of every value the letter's actions computed, each value a slice of it.</summary>
    public EvidenceEntries Evidence { get; } = new();
}

/// <summary>
/// Evidence entries (a path below a value, and where the value came from) appended in turn; each
/// value takes the slice of entries its evaluation added. An array per value was 3 KB of a letter's
/// garbage. A slice stays valid when the array grows: the entries it covers stay where they were.
/// </summary>
internal sealed class EvidenceEntries
{
    private (string Path, Output.Evidence Evidence)[] _items = new (string, Output.Evidence)[256];

    public int Count { get; private set; }

    public void Add((string Path, Output.Evidence Evidence) entry)
    {
        if (Count == _items.Length) Array.Resize(ref _items, 2 * _items.Length);
        _items[Count++] = entry;
    }

    /// <summary>The entries added since <paramref name="start"/> (a <see cref="Count"/> taken before).</summary>
    public ReadOnlyMemory<(string Path, Output.Evidence Evidence)> Since(int start) => _items.AsMemory(start, Count - start);

    /// <summary>Drops the entries added since <paramref name="start"/>, for an evaluation whose value is not kept.</summary>
    public void TruncateTo(int start)
    {
        Array.Clear(_items, start, Count - start);
        Count = start;
    }

    public void Clear(int maxKept)
    {
        if (_items.Length > maxKept) _items = new (string, Output.Evidence)[256];
        else Array.Clear(_items, 0, Count);
        Count = 0;
    }
}

/// <summary>The places of one scope kind in a letter, in document order; a growing array kept from letter to letter.</summary>
internal sealed class ScopePlaces
{
    private ScopeResolver.Candidate[] _items = new ScopeResolver.Candidate[16];
    private int _count;

    /// <summary>Whether this letter's places of the kind have been worked out.</summary>
    public bool Filled { get; set; }

    public ReadOnlySpan<ScopeResolver.Candidate> Span => _items.AsSpan(0, _count);

    public void Add(ScopeResolver.Candidate candidate)
    {
        if (_count == _items.Length) Array.Resize(ref _items, 2 * _items.Length);
        _items[_count++] = candidate;
    }

    /// <summary>Puts the places in order of their starts (document order where starts are equal); they nearly always are already.</summary>
    public void SortByStart()
    {
        var span = _items.AsSpan(0, _count);
        for (var i = 1; i < span.Length; i++)
        {
            if (span[i].Range.Start >= span[i - 1].Range.Start) continue;
            var ordered = span.ToArray().Select((place, index) => (place, index)).OrderBy(p => p.place.Range.Start).ThenBy(p => p.index).Select(p => p.place).ToArray();
            ordered.CopyTo(span);
            return;
        }
    }

    public void Clear(int maxKept)
    {
        if (_items.Length > maxKept) _items = new ScopeResolver.Candidate[16];
        // Candidates hold no references: nothing to clear for the collector.
        _count = 0;
        Filled = false;
    }
}
