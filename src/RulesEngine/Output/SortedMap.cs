using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace RulesEngine.Output;

/// <summary>
/// An immutable map from names to values in ordinal key order, the order in which records,
/// evidence and rule hits are written, compared and diffed. A letter's maps are built once and
/// then only read in order or looked up a few times, so two sorted arrays serve them better than
/// a balanced tree: building ImmutableSortedDictionary's trees was 6% of a batch's time.
/// </summary>
public sealed class SortedMap<T> : IReadOnlyDictionary<string, T>
{
    private readonly string[] _keys;
    private readonly T[] _values;

    private SortedMap(string[] keys, T[] values)
    {
        _keys = keys;
        _values = values;
    }

    public static SortedMap<T> Empty { get; } = new([], []);

    /// <summary>Pairs in any order; where a key repeats, the last pair's value stays, as a dictionary's indexer would leave it.</summary>
    public static SortedMap<T> From(IEnumerable<KeyValuePair<string, T>> pairs) => Build(pairs, keepFirst: false);

    /// <summary>Pairs in any order; where a key repeats, the first pair's value stays, as TryAdd would leave it.</summary>
    public static SortedMap<T> FromFirstOfEach(IEnumerable<KeyValuePair<string, T>> pairs) => Build(pairs, keepFirst: true);

    /// <summary>Keys already in ordinal order and distinct (read from a sorted dictionary): taken as they are.</summary>
    internal static SortedMap<T> FromSorted(string[] keys, T[] values) => keys.Length == 0 ? Empty : new(keys, values);

    private static SortedMap<T> Build(IEnumerable<KeyValuePair<string, T>> pairs, bool keepFirst)
    {
        var entries = new List<(string Key, T Value, int Order)>();
        foreach (var (key, value) in pairs) entries.Add((key, value, entries.Count));
        if (entries.Count == 0) return Empty;
        // The original order breaks ties, so "first" and "last" mean what the caller gave.
        entries.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey : a.Order.CompareTo(b.Order));
        var keys = new List<string>(entries.Count);
        var values = new List<T>(entries.Count);
        foreach (var (key, value, _) in entries)
        {
            if (keys.Count > 0 && string.Equals(keys[^1], key, StringComparison.Ordinal))
            {
                if (!keepFirst) values[^1] = value;
                continue;
            }
            keys.Add(key);
            values.Add(value);
        }
        return new SortedMap<T>([.. keys], [.. values]);
    }

    public int Count => _keys.Length;

    /// <summary>The keys in ordinal order.</summary>
    public ReadOnlySpan<string> KeySpan => _keys;

    /// <summary>The values in their keys' order.</summary>
    public ReadOnlySpan<T> ValueSpan => _values;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<T> Values => _values;

    public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not in the map");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : default;
        return index >= 0;
    }

    private int IndexOf(string key)
    {
        var low = 0;
        var high = _keys.Length - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = string.CompareOrdinal(_keys[middle], key);
            if (order == 0) return middle;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<KeyValuePair<string, T>> IEnumerable<KeyValuePair<string, T>>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A struct enumerator: `foreach` over a record's fields allocates nothing.</summary>
    public struct Enumerator(SortedMap<T> map) : IEnumerator<KeyValuePair<string, T>>
    {
        private int _index = -1;

        public readonly KeyValuePair<string, T> Current => new(map._keys[_index], map._values[_index]);

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < map._keys.Length;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}

public static class SortedMap
{
    /// <summary>Like ToImmutableSortedDictionary with ordinal keys; where a key repeats, the last value stays.</summary>
    public static SortedMap<T> ToSortedMap<TSource, T>(this IEnumerable<TSource> source, Func<TSource, string> key, Func<TSource, T> value) =>
        SortedMap<T>.From(source.Select(item => KeyValuePair.Create(key(item), value(item))));
}
