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

    private readonly byte[]?[] _chunks = new byte[MaxChunks][];

    /// <summary>What is remembered for a text: nothing yet, or the answer.</summary>
    public enum Answer : byte { Unknown, No, Yes }

    /// <summary>What is remembered for a text, small enough to inline in a loop over a whole letter's tokens.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public Answer Known(int textId)
    {
        if ((uint)textId >= MaxChunks * ChunkSize) return Answer.Unknown;
        var chunk = Volatile.Read(ref _chunks[textId >> ChunkBits]);
        return chunk is null ? Answer.Unknown : (Answer)chunk[textId & (ChunkSize - 1)];
    }

    public void Remember(int textId, bool answer)
    {
        if (textId < 0 || textId >> ChunkBits >= MaxChunks) return;
        ref var slot = ref _chunks[textId >> ChunkBits];
        var chunk = Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, new byte[ChunkSize], null) ?? slot!;
        chunk[textId & (ChunkSize - 1)] = (byte)(answer ? Answer.Yes : Answer.No);
    }
}
