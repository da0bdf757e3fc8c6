namespace RulesEngine.Reading;

/// <summary>
/// Token objects one thread reuses from letter to letter. A batch makes a thousand or more tokens
/// a letter and drops them all once the letter's record is built: they were a third of the
/// batch's garbage, and the collector's zeroing and marking of it showed in every profile.
/// </summary>
/// <remarks>
/// A document read with a pool is valid only until the pool reads the next letter, whose tokens
/// overwrite its own. Only the batch's workers use one, and their documents never leave the
/// letter being processed (<see cref="Batch.LetterProcessor"/>); everything else reads with fresh
/// tokens.
/// </remarks>
internal sealed class TokenPool
{
    // Past this many tokens a letter gets fresh ones, so that one huge letter does not leave
    // megabytes of tokens held by its thread for the rest of the batch.
    public const int MaxKept = 1 << 16;

    /// <summary>A pool that keeps nothing: every token is new, so a document read with it stays valid (and any thread may use it).</summary>
    public static TokenPool None { get; } = new(maxKept: 0);

    [ThreadStatic] private static TokenPool? _forThread;

    /// <summary>This thread's pool, for code that reads one letter at a time on it (the batch's workers).</summary>
    public static TokenPool ForThread => _forThread ??= new TokenPool();

    private readonly int _maxKept;
    private readonly List<Token> _tokens;

    public TokenPool() : this(MaxKept) { }

    private TokenPool(int maxKept)
    {
        _maxKept = maxKept;
        _tokens = new List<Token>(Math.Min(maxKept, 4096));
    }

    /// <summary>The letter's token at <paramref name="index"/> (tokens are taken in order, from 0 for each letter).</summary>
    public Token Take(int index, TokenKind kind, int start, int length, int line, int column, TokenString strings, TokenFlags flags)
    {
        if (index < _tokens.Count)
        {
            var reused = _tokens[index];
            reused.Reset(index, kind, start, length, line, column, strings, flags);
            return reused;
        }
        var made = new Token(index, kind, start, length, line, column, strings, flags);
        if (index == _tokens.Count && index < _maxKept) _tokens.Add(made);
        return made;
    }
}
