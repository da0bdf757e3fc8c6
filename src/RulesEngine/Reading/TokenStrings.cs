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

    public static string Intern(ReadOnlySpan<char> text)
    {
        if (text.Length > 64) return text.ToString();
        if (Lookup.TryGetValue(text, out var known)) return known;
        var created = text.ToString();
        if (Texts.Count < MaxEntries) Texts.TryAdd(created, created);
        return created;
    }
}
