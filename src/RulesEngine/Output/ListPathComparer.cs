namespace RulesEngine.Output;

/// <summary>
/// Orders field paths as people count list items: `strengths[2]` before `strengths[10]`, and
/// otherwise character by character (ordinal), so the order is the same on every machine.
/// </summary>
public sealed class ListPathComparer : IComparer<string>
{
    public static readonly ListPathComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                // Runs of digits compare by value, without leading zeros: the longer run is larger,
                // runs of one length compare digit by digit. Nothing is allocated: the batch's JSON
                // writer sorts every long list's evidence with this.
                var (startX, endX) = Digits(x, i);
                var (startY, endY) = Digits(y, j);
                if (endX - startX != endY - startY) return (endX - startX).CompareTo(endY - startY);
                var byValue = x.AsSpan(startX, endX - startX).SequenceCompareTo(y.AsSpan(startY, endY - startY));
                if (byValue != 0) return byValue;
                (i, j) = (endX, endY);
                continue;
            }
            if (x[i] != y[j]) return x[i].CompareTo(y[j]);
            i++;
            j++;
        }
        return (x.Length - i).CompareTo(y.Length - j);
    }

    /// <summary>
    /// A letter's evidence in counting order. The map keeps ordinal order (its look-ups rely on
    /// it), which differs only where a list has ten items or more: most letters are returned as they are.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, T>> InCountingOrder<T>(SortedMap<T> map)
    {
        foreach (var key in map.KeySpan)
            if (HasTwoDigitIndex(key))
            {
                var pairs = new KeyValuePair<string, T>[map.Count];
                var at = 0;
                foreach (var pair in map) pairs[at++] = pair;
                Array.Sort(pairs, static (a, b) => Instance.Compare(a.Key, b.Key));
                return pairs;
            }
        return map;
    }

    private static bool HasTwoDigitIndex(string path)
    {
        for (var at = path.IndexOf('['); at >= 0 && at + 2 < path.Length; at = path.IndexOf('[', at + 1))
            if (char.IsAsciiDigit(path[at + 1]) && char.IsAsciiDigit(path[at + 2])) return true;
        return false;
    }

    /// <summary>The significant digits of the run starting at <paramref name="start"/> (leading zeros skipped), and where the run ends.</summary>
    private static (int Start, int End) Digits(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        var significant = start;
        while (significant < end - 1 && text[significant] == '0') significant++;
        return (significant, end);
    }
}
