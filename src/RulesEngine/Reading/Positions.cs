namespace RulesEngine.Reading;

/// <summary>Small operations on lists of token positions and ranges that the reader and the matcher both need.</summary>
internal static class Positions
{
    /// <summary>Sorts token positions and keeps one of each (several sources can name the same token).</summary>
    public static void SortDistinct(List<int> positions)
    {
        if (positions.Count < 2) return;
        positions.Sort();
        var unique = 1;
        for (var i = 1; i < positions.Count; i++) if (positions[i] != positions[unique - 1]) positions[unique++] = positions[i];
        positions.RemoveRange(unique, positions.Count - unique);
    }

    /// <summary>
    /// Whether the items already start in document order: they mostly do, and checking costs less
    /// than sorting hundreds of sentences or scopes anyway.
    /// </summary>
    public static bool InOrder<T>(IReadOnlyList<T> items, Func<T, int> start)
    {
        for (var i = 1; i < items.Count; i++)
            if (start(items[i]) < start(items[i - 1])) return false;
        return true;
    }
}
