using System.Collections.Concurrent;

namespace RulesEngine.Reading;

/// <summary>
/// A distinct token text, shared by every token that has it, with its comparison form worked
/// out once: letters repeat their words, so most tokens find their entry instead of building
/// two strings and normalising again.
/// </summary>
/// <param name="TextId">Index of this text for per-text memos (a regex's answers); -1 when the table was full.</param>
/// <param name="WordFlags">Capitalisation and digits, as a word of this text would have them.</param>
internal sealed record TokenString(string Text, string Norm, int NormId, int TextId, TokenFlags WordFlags);

/// <summary>
/// One <see cref="TokenString"/> per distinct token text, shared by all letters and threads.
/// Bounded, so an unusual batch cannot grow it without limit: past the bound, tokens get
/// entries of their own that no memo remembers.
/// </summary>
internal static class TokenStrings
{
    private const int MaxEntries = 500_000;
    private const int MaxLength = 64;

    private static readonly ConcurrentDictionary<string, TokenString> Texts = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TokenString>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Texts.GetAlternateLookup<ReadOnlySpan<char>>();

    // ConcurrentDictionary.Count takes every lock of the table: count additions here instead.
    private static int _entries;

    // 128 KB a thread, well inside the core's L2: with 4,096 entries, collisions sent a letter's words
    // to the shared table three times as often (1.3% of a batch's samples there, now 0.5%).
    private const int RecentSize = 16384;

    // Each thread keeps the entries it met last in a small direct-mapped cache: most tokens are
    // common words, found there with a cheap hash and one compare, without the shared table's
    // string hashing and volatile reads (the look-up was 3-4% of a batch's profile). The reader
    // fetches the cache once per letter: a thread-static read per token costs a TLS call.
    [ThreadStatic] private static TokenString?[]? _recent;

    /// <summary>This thread's cache of recent entries, for <see cref="Intern(ReadOnlySpan{char}, TokenString?[])"/>.</summary>
    public static TokenString?[] RecentForThread() => _recent ??= new TokenString?[RecentSize];

    public static TokenString Intern(ReadOnlySpan<char> text, TokenString?[] recent) => Intern(text, Hash(text), recent);

    /// <summary>As <see cref="Intern(ReadOnlySpan{char}, TokenString?[])"/>, with the text's <see cref="Hash"/> worked out by a caller that already walked its characters.</summary>
    public static TokenString Intern(ReadOnlySpan<char> text, uint hash, TokenString?[] recent)
    {
        var slot = (int)(hash & (RecentSize - 1));
        if (recent[slot] is { } cached && text.SequenceEqual(cached.Text)) return cached;
        var entry = InternShared(text);
        if (entry.TextId >= 0) recent[slot] = entry;
        return entry;
    }

    /// <summary>FNV-1a over the characters, folded so the cache slot (its low bits) depends on all of them.</summary>
    private static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = HashSeed;
        foreach (var c in text) hash = HashStep(hash, c);
        return HashFinish(hash);
    }

    public const uint HashSeed = 2166136261u;

    public static uint HashStep(uint hash, char c) => (hash ^ c) * 16777619u;

    public static uint HashFinish(uint hash) => hash ^ (hash >> 15);

    private static TokenString InternShared(ReadOnlySpan<char> text)
    {
        if (text.Length <= MaxLength && Lookup.TryGetValue(text, out var known)) return known;
        var created = text.ToString();
        var norm = TokenNormaliser.Normalise(text);
        if (norm == created) norm = created;
        var flags = LineScanner.WordFlags(text);
        if (text.Length > MaxLength || Volatile.Read(ref _entries) >= MaxEntries)
            return new TokenString(created, norm, WordIds.Find(norm), -1, flags);
        var id = Interlocked.Increment(ref _entries) - 1;
        var entry = new TokenString(created, norm, WordIds.Find(norm), id, flags);
        return Texts.GetOrAdd(created, entry);
    }

    /// <summary>A token whose comparison form is not its text's (a decoded HTML entity).</summary>
    public static TokenString WithNorm(ReadOnlySpan<char> text, string norm) => new(text.ToString(), norm, WordIds.Find(norm), -1, TokenFlags.None);
}

/// <summary>
/// Integer ids for token norms, so that a rule's word test, the start index and lexicons
/// compare ints instead of strings. Rule words always get an id; letter words get one while
/// the table has room, and otherwise <see cref="None"/>, which no rule word has, so a word
/// test still answers exactly as a string comparison would.
/// </summary>
internal static class WordIds
{
    public const int None = -1;
    private const int MaxLetterWords = 500_000;

    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static int _next;

    /// <summary>The id of a word a rule needs: always given.</summary>
    public static int Of(string norm) => Ids.TryGetValue(norm, out var id) ? id : Add(norm);

    /// <summary>The id of a word read in a letter: given while the table has room.</summary>
    public static int Find(string norm) =>
        Ids.TryGetValue(norm, out var id) ? id : Volatile.Read(ref _next) < MaxLetterWords ? Add(norm) : None;

    private static int Add(string norm)
    {
        // Taking a number that GetOrAdd then discards (another thread won) only leaves a gap.
        var candidate = Interlocked.Increment(ref _next) - 1;
        return Ids.GetOrAdd(norm, candidate);
    }
}
