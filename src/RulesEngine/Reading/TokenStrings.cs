using System.Collections.Concurrent;

namespace RulesEngine.Reading;

/// <summary>
/// One string per distinct token text, shared by all letters: the words of letters repeat, and
/// two small strings per token were most of what reading a letter allocated. Bounded, so an
/// unusual batch cannot grow it without limit.
/// </summary>
internal static class TokenStrings
{
    private const int MaxEntries = 500_000;

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Texts.GetAlternateLookup<ReadOnlySpan<char>>();

    // ConcurrentDictionary.Count takes every lock of the table: count additions here instead.
    private static int _entries;

    public static string Intern(ReadOnlySpan<char> text)
    {
        if (text.Length > 64) return text.ToString();
        if (Lookup.TryGetValue(text, out var known)) return known;
        var created = text.ToString();
        if (Volatile.Read(ref _entries) < MaxEntries && Texts.TryAdd(created, created)) Interlocked.Increment(ref _entries);
        return created;
    }
}
