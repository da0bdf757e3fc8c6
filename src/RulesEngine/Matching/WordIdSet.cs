namespace RulesEngine.Matching;

/// <summary>
/// A set of word ids (<see cref="Reading.WordIds"/>) as bits: membership is asked at most tokens of
/// a letter, and a bit test is several times cheaper than a hash look-up. Rule words have the low
/// ids, so the bits stay a few words long.
/// </summary>
internal struct WordIdSet : IEquatable<WordIdSet>
{
    private ulong[]? _bits;

    public static WordIdSet Of(IEnumerable<int> ids)
    {
        var set = new WordIdSet();
        foreach (var id in ids) set.Add(id);
        return set;
    }

    public void Add(int id)
    {
        _bits ??= [];
        if (id >> 6 >= _bits.Length) Array.Resize(ref _bits, (id >> 6) + 1);
        _bits[id >> 6] |= 1UL << id;
    }

    public readonly bool Contains(int id) =>
        _bits is { } bits && (uint)(id >> 6) < (uint)bits.Length && (bits[id >> 6] & (1UL << id)) != 0;

    // Compared as the array it holds (the tests holding one are records): identity, as before.
    public readonly bool Equals(WordIdSet other) => ReferenceEquals(_bits, other._bits);

    public override readonly bool Equals(object? other) => other is WordIdSet set && Equals(set);

    public override readonly int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(_bits);
}
