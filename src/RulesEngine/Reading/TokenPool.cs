namespace RulesEngine.Reading;

/// <summary>
/// The letter being read, in storage one reader reuses from letter to letter: its text (when the
/// loader decodes into <see cref="TextBuffer"/>), its token objects in order and the arrays that
/// hold them. A batch makes a thousand or more tokens a letter and drops them all once the
/// letter's record is built: they were a third of the batch's garbage, and the collector's
/// zeroing and marking of it showed in every profile.
/// </summary>
/// <remarks>
/// A document read with a pool is valid only until the pool reads the next letter, whose tokens
/// overwrite its own. Only the batch's workers reuse one (<see cref="ForThread"/>), and their
/// documents never leave the letter being processed (<see cref="Batch.LetterProcessor"/>);
/// everything else reads with a pool of its own (<see cref="ForOneLetter"/>), whose document then
/// stays valid.
/// </remarks>
internal sealed class TokenPool
{
    // Past this many tokens a letter's extra tokens are let go when the next letter begins, so
    // that one huge letter does not leave megabytes of tokens held by its thread for the rest of
    // the batch.
    public const int MaxKept = 1 << 16;

    [ThreadStatic] private static TokenPool? _forThread;

    /// <summary>This thread's pool, for code that reads one letter at a time on it (the batch's workers).</summary>
    public static TokenPool ForThread => _forThread ??= new TokenPool(4096);

    /// <summary>A pool for one letter's text, sized for it, that nothing else reuses.</summary>
    public static TokenPool ForOneLetter(string text) => new(Math.Max(16, text.Length / 5));

    // Past this many characters a letter's text buffer is let go when a smaller letter comes.
    private const int MaxKeptText = 1 << 20;

    private Token[] _items;
    private TokenColumns _columns;
    private char[] _text = [];

    private TokenPool(int capacity) => (_items, _columns) = (new Token[capacity], new TokenColumns(capacity));

    public TokenPool() : this(4096) { }

    /// <summary>How many tokens the letter being read has so far.</summary>
    public int Count { get; private set; }

    /// <summary>A token of the letter being read.</summary>
    public Token this[int index] => _items[index];

    /// <summary>Starts a new letter: from here on its tokens replace the last letter's.</summary>
    public void Begin()
    {
        if (_items.Length > MaxKept) (_items, _columns) = (_items[..MaxKept], new TokenColumns(MaxKept));
        Count = 0;
    }

    /// <summary>The letter's next token (at <see cref="Count"/>), made or reused.</summary>
    // Inlined with the token's reset into the scanner's one caller, so that its eight arguments are
    // not passed on the stack twice per token (the calls were a tenth of the reader's instructions).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public Token Add(TokenKind kind, int start, int length, int line, int column, TokenString strings, TokenFlags flags)
    {
        var index = Count;
        if (index == _items.Length) Grow();
        Count = index + 1;
        _columns.NormIds[index] = strings.NormId;
        _columns.TextIds[index] = strings.TextId;
        _columns.Kinds[index] = kind;
        // A token left here by an earlier letter is reset in place; its slot already refers to it,
        // so nothing is stored (a store of a reference pays the collector's write barrier).
        if (_items[index] is { } reused)
        {
            reused.Reset(index, kind, start, length, line, column, strings, flags);
            return reused;
        }
        return _items[index] = new Token(index, kind, start, length, line, column, strings, flags);
    }

    private void Grow()
    {
        var capacity = 2 * _items.Length;
        Array.Resize(ref _items, capacity);
        _columns = _columns.CopyTo(capacity, Count);
    }

    /// <summary>Room for the next letter's text, <paramref name="length"/> characters at the start of this pool's text buffer.</summary>
    public Memory<char> TextBuffer(int length)
    {
        // Grown by doubling, so a worker's buffer settles at its longest letter; a one-letter pool's is
        // exact. After an unusually long letter the next ordinary one gets an ordinary buffer again.
        if (_text.Length < length) _text = new char[Math.Max(length, Math.Min(2 * _text.Length, MaxKeptText))];
        else if (_text.Length > MaxKeptText && length <= MaxKeptText) _text = new char[Math.Max(length, 16 * 1024)];
        return _text.AsMemory(0, length);
    }

    /// <summary>
    /// The letter's text at the start of an array, for the scanner: the text buffer itself when the
    /// text was decoded into it (<see cref="TextBuffer"/>), otherwise a copy there.
    /// </summary>
    public char[] TextChars(ReadOnlyMemory<char> text)
    {
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(text, out var segment) && segment.Offset == 0 && ReferenceEquals(segment.Array, _text))
            return _text;
        text.Span.CopyTo(TextBuffer(text.Length).Span);
        return _text;
    }

    /// <summary>The letter's tokens so far, as a view of this pool (valid until <see cref="Begin"/>).</summary>
    public TokenList Letter() => new(_items, _columns, Count);
}

/// <summary>
/// What passes over a whole letter read of each token, side by side in arrays (its norm's id,
/// its text's id, its kind): the word index and the one-token tests walk these instead of
/// reaching every token object.
/// </summary>
internal sealed class TokenColumns(int capacity)
{
    public int[] NormIds { get; } = new int[capacity];
    public int[] TextIds { get; } = new int[capacity];
    public TokenKind[] Kinds { get; } = new TokenKind[capacity];

    /// <summary>New columns of <paramref name="capacity"/> with the first <paramref name="count"/> entries of these.</summary>
    public TokenColumns CopyTo(int capacity, int count)
    {
        var grown = new TokenColumns(capacity);
        NormIds.AsSpan(0, count).CopyTo(grown.NormIds);
        TextIds.AsSpan(0, count).CopyTo(grown.TextIds);
        Kinds.AsSpan(0, count).CopyTo(grown.Kinds);
        return grown;
    }
}
