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

    /// <summary>Keys already in ordinal order and distinct (sorted once by the caller): taken as they are.</summary>
    internal static SortedMap<T> FromSorted(string[] keys, T[] values) => keys.Length == 0 ? Empty : new(keys, values);

    private static SortedMap<T> Build(ReadOnlySpan<KeyValuePair<string, T>> pairs, bool keepFirst)
    {
        if (pairs.IsEmpty) return Empty;
        var keyArray = new string[pairs.Length];
        var valueArray = new T[pairs.Length];
        // Written through spans: a store into a T[] checks the element's type every time, a span's
        // only when it is made.
        Span<string> keys = keyArray;
        Span<T> values = valueArray;
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
        return kept == keys.Length ? new(keyArray, valueArray) : new(keyArray[..kept], valueArray[..kept]);
    }

    /// <summary>
    /// Stable, so that "first" and "last" of a repeated key mean the caller's order. Most callers give
    /// a few keys or keys nearly in order (a record walked depth first): few keys are insertion
    /// sorted, longer lists merge sorted by the runs already in order.
    /// </summary>
    private static void SortStably(Span<string> keys, Span<T> values)
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
        MergeSortStably(keys, values);
    }

    /// <summary>
    /// A natural merge sort: the runs already in order (a record's evidence has long ones) are merged
    /// pairwise, so input nearly in order costs a few linear passes, and no comparison delegate is
    /// called per pair (sorting positions through one was most of building a letter's evidence map).
    /// </summary>
    private static void MergeSortStably(Span<string> keys, Span<T> values)
    {
        var bounds = new List<int> { 0 };
        for (var i = 1; i < keys.Length; i++) if (string.CompareOrdinal(keys[i - 1], keys[i]) > 0) bounds.Add(i);
        bounds.Add(keys.Length);
        if (bounds.Count == 2) return;
        var fromKeys = keys;
        var fromValues = values;
        Span<string> toKeys = new string[keys.Length];
        Span<T> toValues = new T[keys.Length];
        while (bounds.Count > 2)
        {
            var merged = new List<int>(bounds.Count / 2 + 2) { 0 };
            for (var run = 0; run + 1 < bounds.Count; run += 2)
            {
                var (low, middle) = (bounds[run], bounds[run + 1]);
                var high = run + 2 < bounds.Count ? bounds[run + 2] : middle;
                // Equal keys take the left run's first, which keeps them in the caller's order.
                var (left, right, into) = (low, middle, low);
                while (left < middle && right < high)
                {
                    var take = string.CompareOrdinal(fromKeys[left], fromKeys[right]) <= 0 ? left++ : right++;
                    (toKeys[into], toValues[into]) = (fromKeys[take], fromValues[take]);
                    into++;
                }
                for (; left < middle; left++, into++) (toKeys[into], toValues[into]) = (fromKeys[left], fromValues[left]);
                for (; right < high; right++, into++) (toKeys[into], toValues[into]) = (fromKeys[right], fromValues[right]);
                merged.Add(high);
            }
            var nextKeys = toKeys;
            var nextValues = toValues;
            toKeys = fromKeys;
            toValues = fromValues;
            fromKeys = nextKeys;
            fromValues = nextValues;
            bounds = merged;
        }
        if (fromKeys != keys)
        {
            fromKeys.CopyTo(keys);
            fromValues.CopyTo(values);
        }
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
