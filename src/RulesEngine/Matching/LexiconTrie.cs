using System.Collections.Immutable;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>A lexicon compiled to a trie over token norm ids, so multi-word entries match in one pass.</summary>
internal sealed class LexiconTrie
{
    private sealed class Node
    {
        public Dictionary<int, Node>? Children;
        public object? Value;
        public bool IsEntry;
    }

    private readonly Node _root = new();

    // Most tokens begin no entry: a bit test answers that without the root's dictionary look-up
    // (1.2% of a batch's samples were that look-up).
    private WordIdSet _firstIds;
    private readonly List<string> _firstWords = [];
    private readonly HashSet<string> _requiredWords = new(StringComparer.Ordinal);

    public LexiconTrie(string name) => Name = name;

    public string Name { get; }

    public IEnumerable<string> FirstWords => _firstWords;

    /// <summary>The first words in ordinal order, sorted once for every rule that starts with the lexicon.</summary>
    public ImmutableArray<string> SortedFirstWords => _sortedFirst ??= [.. _firstWords.Order(StringComparer.Ordinal)];

    private ImmutableArray<string>? _sortedFirst;

    public int MaxLength { get; private set; }

    /// <summary>
    /// One word of every entry, so that any match of the lexicon consumes one of them: the
    /// entry's longest word, as the likeliest to be rare (`national` rather than `the`).
    /// </summary>
    public ImmutableArray<string> RequiredWords => _sortedRequired ??= [.. _requiredWords.Order(StringComparer.Ordinal)];

    // Sorted once: every rule using a lexicon of 100,000 entries asks for them while compiling.
    private ImmutableArray<string>? _sortedRequired;

    public bool StartsWith(int normId) => _firstIds.Contains(normId);

    public bool AllSingleWord => MaxLength <= 1;

    /// <summary>Adds an entry; the first entry for a phrase wins, as written first in the file.</summary>
    public void Add(IReadOnlyList<string> norms, object value)
    {
        var node = _root;
        foreach (var norm in norms)
        {
            node.Children ??= [];
            var id = WordIds.Of(norm);
            if (!node.Children.TryGetValue(id, out var next))
            {
                node.Children[id] = next = new Node();
                if (node == _root)
                {
                    _firstWords.Add(norm);
                    _sortedFirst = null;
                    _firstIds.Add(id);
                }
            }
            node = next;
        }
        if (node.IsEntry) return;
        node.IsEntry = true;
        node.Value = value;
        _requiredWords.Add(norms.MaxBy(norm => norm.Length)!);
        _sortedRequired = null;
        MaxLength = Math.Max(MaxLength, norms.Count);
    }

    /// <summary>Calls back with the length of every entry that starts at <paramref name="start"/>.</summary>
    // The struct, not IReadOnlyList: an interface parameter would box it on every call.
    public void MatchAt(Reading.TokenList tokens, int start, int end, List<int> lengths)
    {
        if (start >= end || !StartsWith(tokens[start].NormId)) return;
        var node = _root;
        for (var i = start; i < end && node.Children is not null && node.Children.TryGetValue(tokens[i].NormId, out var next); i++)
        {
            node = next;
            if (node.IsEntry) lengths.Add(i - start + 1);
        }
    }

    public bool TryGetValue(Reading.TokenList tokens, int start, int end, out object? value)
    {
        var node = _root;
        for (var i = start; i < end; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(tokens[i].NormId, out var next))
            {
                value = null;
                return false;
            }
            node = next;
        }
        value = node.Value;
        return node.IsEntry;
    }
}
