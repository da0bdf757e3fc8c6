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
                var (a, nextI) = Number(x, i);
                var (b, nextJ) = Number(y, j);
                var byValue = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (byValue != 0) return byValue;
                (i, j) = (nextI, nextJ);
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
            if (HasTwoDigitIndex(key)) return map.OrderBy(pair => pair.Key, Instance);
        return map;
    }

    private static bool HasTwoDigitIndex(string path)
    {
        for (var at = path.IndexOf('['); at >= 0 && at + 2 < path.Length; at = path.IndexOf('[', at + 1))
            if (char.IsAsciiDigit(path[at + 1]) && char.IsAsciiDigit(path[at + 2])) return true;
        return false;
    }

    /// <summary>A run of digits without its leading zeros (so that length orders numbers), and where it ends.</summary>
    private static (string Digits, int End) Number(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        var digits = text[start..end].TrimStart('0');
        return (digits, end);
    }
}
