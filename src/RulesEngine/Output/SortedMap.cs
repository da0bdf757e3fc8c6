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
    public static SortedMap<T> From(IEnumerable<KeyValuePair<string, T>> pairs) => Build([.. pairs], keepFirst: false);

    /// <summary>Pairs in any order; where a key repeats, the first pair's value stays, as TryAdd would leave it.</summary>
    public static SortedMap<T> FromFirstOfEach(IEnumerable<KeyValuePair<string, T>> pairs) => Build([.. pairs], keepFirst: true);

    /// <inheritdoc cref="From(IEnumerable{KeyValuePair{string, T}})"/>
    internal static SortedMap<T> From(ReadOnlySpan<KeyValuePair<string, T>> pairs) => Build(pairs, keepFirst: false);

    /// <inheritdoc cref="FromFirstOfEach(IEnumerable{KeyValuePair{string, T}})"/>
    internal static SortedMap<T> FromFirstOfEach(ReadOnlySpan<KeyValuePair<string, T>> pairs) => Build(pairs, keepFirst: true);

    /// <summary>Keys already in ordinal order and distinct (read from a sorted dictionary): taken as they are.</summary>
    internal static SortedMap<T> FromSorted(string[] keys, T[] values) => keys.Length == 0 ? Empty : new(keys, values);

    private static SortedMap<T> Build(ReadOnlySpan<KeyValuePair<string, T>> pairs, bool keepFirst)
    {
        if (pairs.IsEmpty) return Empty;
        var keys = new string[pairs.Length];
        var values = new T[pairs.Length];
        for (var i = 0; i < pairs.Length; i++) (keys[i], values[i]) = (pairs[i].Key, pairs[i].Value);
        SortStably(keys, values);
        // Equal keys are now side by side, in the order the caller gave them.
        var kept = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (kept > 0 && string.Equals(keys[kept - 1], keys[i], StringComparison.Ordinal))
            {
                if (!keepFirst) values[kept - 1] = values[i];
                continue;
            }
            (keys[kept], values[kept]) = (keys[i], values[i]);
            kept++;
        }
        return kept == keys.Length ? new(keys, values) : new(keys[..kept], values[..kept]);
    }

    /// <summary>
    /// Stable, so that "first" and "last" of a repeated key mean the caller's order. Most callers give
    /// a few keys or keys nearly in order (a record walked depth first), where insertion sort is
    /// cheapest; long lists in any order are sorted by position instead.
    /// </summary>
    private static void SortStably(string[] keys, T[] values)
    {
        if (keys.Length <= 32)
        {
            for (var i = 1; i < keys.Length; i++)
            {
                var (key, value) = (keys[i], values[i]);
                var j = i - 1;
                for (; j >= 0 && string.CompareOrdinal(keys[j], key) > 0; j--) (keys[j + 1], values[j + 1]) = (keys[j], values[j]);
                (keys[j + 1], values[j + 1]) = (key, value);
            }
            return;
        }
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var originalKeys = (string[])keys.Clone();
        var originalValues = (T[])values.Clone();
        Array.Sort(order, (a, b) => string.CompareOrdinal(originalKeys[a], originalKeys[b]) is var byKey and not 0 ? byKey : a.CompareTo(b));
        for (var i = 0; i < order.Length; i++) (keys[i], values[i]) = (originalKeys[order[i]], originalValues[order[i]]);
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
