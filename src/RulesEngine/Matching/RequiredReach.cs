namespace RulesEngine.Matching;

/// <summary>
/// Whether the tokens a match starting at a place could cover hold a word of each of the rule's
/// required sets (see <see cref="CompiledRule.Required"/>). A rule like `indicator` may start at
/// almost any token, but only a sentence that names a comparator can hold its match: checking
/// that costs a cursor step per start instead of a VM run. Made per rule and letter from the
/// letter's match buffers (see <see cref="MatchBuffers.Reach"/>).
/// </summary>
internal sealed class RequiredReach
{
    private ArraySegment<int>[] _positions = [];
    private int[] _cursors = [];
    private int _sets;
    private int _lastFrom;
    private bool _inOrder;
    // The words Within last chose: the first and last of them (see Within).
    private int _chainFirst, _chainLast;

    /// <summary>The reach of a rule in this letter, or null when the rule has no required words.</summary>
    public static RequiredReach? For(MatchContext context, CompiledRule rule)
    {
        var sets = context.Program.Index.RequiredSetsOf(rule);
        if (sets.Length == 0) return null;
        // Most rules cannot match most letters (a rating letter's rules in an APA letter): a set with
        // no word at all is found without merging the positions of the others.
        foreach (var set in sets) if (!context.HasRequiredSet(set)) return Impossible;
        var reach = context.Buffers.Reach();
        reach.Reset(sets.Length, rule.RequiredInOrder);
        for (var i = 0; i < sets.Length; i++) reach._positions[i] = context.PositionsOfRequiredSet(sets[i]);
        return reach;
    }

    private static readonly RequiredReach Impossible = new() { Possible = false };

    private void Reset(int sets, bool inOrder)
    {
        if (_positions.Length < sets) (_positions, _cursors) = (new ArraySegment<int>[sets], new int[sets]);
        Array.Clear(_cursors, 0, sets);
        (_sets, _lastFrom, _inOrder, Possible) = (sets, 0, inOrder, true);
        (_chainFirst, _chainLast) = (-1, -1);
    }

    /// <summary>The positions of the required set that occurs least often in the letter.</summary>
    public ArraySegment<int> Sparsest
    {
        get
        {
            var sparsest = _positions[0];
            for (var i = 1; i < _sets; i++) if (_positions[i].Count < sparsest.Count) sparsest = _positions[i];
            return sparsest;
        }
    }

    /// <summary>False when some required set has no word anywhere in the letter: the rule cannot match at all.</summary>
    public bool Possible { get; private set; }

    /// <summary>
    /// The first place at or after <paramref name="from"/> where a match of at most
    /// <paramref name="maxLength"/> tokens, ending by <paramref name="end"/>, could hold a word of
    /// every required set (in order, when the rule's sets are), or <paramref name="end"/> when there is none: before it, some set's next
    /// word is out of reach. A rule that may start at any token skips there instead of asking at
    /// every token between.
    /// </summary>
    public int EarliestReaching(int from, int maxLength, int end)
    {
        var earliest = from;
        var after = from;
        for (var i = 0; i < _sets; i++)
        {
            var positions = _positions[i].AsSpan();
            var found = positions.BinarySearch(after);
            var next = found < 0 ? ~found : found;
            if (next == positions.Length || positions[next] >= end) return end;
            earliest = Math.Max(earliest, positions[next] - maxLength + 1);
            if (_inOrder) after = positions[next] + 1;
        }
        return Math.Min(earliest, end);
    }

    /// <summary>
    /// Whether every required set has a word at a position in [from, to), each after the word of the
    /// set before it when the rule's sets come in order: in a sentence that holds `is`, `above` and
    /// `national`, `indicator` cannot start after its last `is` before `above`.
    /// </summary>
    public bool Within(int from, int to)
    {
        // The words found from `from` stay the earliest for every later start up to the first of
        // them, and starts mostly come a token apart: most calls are answered from the last chain.
        if (from >= _lastFrom && from <= _chainFirst)
        {
            _lastFrom = from;
            return _chainLast < to;
        }
        // Starts mostly arrive in ascending order, so each cursor only moves forward; an earlier
        // start (a rule with overlapping scopes) puts every cursor back by binary search.
        if (from < _lastFrom)
            for (var i = 0; i < _sets; i++)
            {
                var found = _positions[i].AsSpan().BinarySearch(from);
                _cursors[i] = found < 0 ? ~found : found;
            }
        _lastFrom = from;
        // The earliest place the next set's word may be: `from`, or just after the word found for
        // the set before it. Greedy earliest choices find an ordered chain whenever one exists.
        var after = from;
        (_chainFirst, _chainLast) = (int.MaxValue, -1);
        for (var i = 0; i < _sets; i++)
        {
            var positions = _positions[i].AsSpan();
            var cursor = _cursors[i];
            while (cursor < positions.Length && positions[cursor] < from) cursor++;
            _cursors[i] = cursor;
            while (cursor < positions.Length && positions[cursor] < after) cursor++;
            if (cursor == positions.Length)
            {
                // No later start finds this set's word either.
                (_chainFirst, _chainLast) = (int.MaxValue, int.MaxValue);
                return false;
            }
            var position = positions[cursor];
            (_chainFirst, _chainLast) = (Math.Min(_chainFirst, position), Math.Max(_chainLast, position));
            if (_inOrder) after = position + 1;
        }
        return _chainLast < to;
    }
}
