namespace RulesEngine.Matching;

/// <summary>
/// Remembers a yes/no answer per token text (by <see cref="Reading.Token.TextId"/>): letters repeat
/// their words, and a regex call costs far more than a look-up. Lock-free and shared by all
/// workers: chunks appear on first use, and two workers writing the same answer is harmless.
/// </summary>
internal sealed class TextMemo
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;
    private const int MaxChunks = 1024;
    private const byte No = 1, Yes = 2;

    private readonly byte[]?[] _chunks = new byte[MaxChunks][];

    public bool TryGet(int textId, out bool answer)
    {
        answer = false;
        if (textId < 0 || textId >> ChunkBits >= MaxChunks) return false;
        var chunk = Volatile.Read(ref _chunks[textId >> ChunkBits]);
        if (chunk is null) return false;
        var known = chunk[textId & (ChunkSize - 1)];
        answer = known == Yes;
        return known != 0;
    }

    public void Remember(int textId, bool answer)
    {
        if (textId < 0 || textId >> ChunkBits >= MaxChunks) return;
        ref var slot = ref _chunks[textId >> ChunkBits];
        var chunk = Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, new byte[ChunkSize], null) ?? slot!;
        chunk[textId & (ChunkSize - 1)] = answer ? Yes : No;
    }
}
