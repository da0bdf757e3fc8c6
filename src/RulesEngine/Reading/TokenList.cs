using System.Collections;

namespace RulesEngine.Reading;

/// <summary>
/// A letter's tokens in order: a view of the <see cref="TokenPool"/> that read them, not a copy.
/// Copying each letter's tokens into an array of its own was 14 KB of a letter's 91 KB of
/// garbage. The view is valid as long as its document is (see <see cref="TokenPool"/>).
/// </summary>
public readonly struct TokenList : IReadOnlyList<Token>, IEquatable<TokenList>
{
    private readonly Token[] _items;
    private readonly TokenColumns _columns;

    internal TokenList(Token[] items, TokenColumns columns, int length)
    {
        _items = items;
        _columns = columns;
        Length = length;
    }

    public static TokenList Empty { get; } = new([], new TokenColumns(0), 0);

    public int Length { get; }

    public bool IsEmpty => Length == 0;

    int IReadOnlyCollection<Token>.Count => Length;

    public Token this[int index] => (uint)index < (uint)Length ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public ReadOnlySpan<Token> AsSpan() => new(_items, 0, Length);

    /// <summary>The storage behind the view, for loops that check their own bounds; it may run past <see cref="Length"/>.</summary>
    internal Token[] Storage => _items;

    /// <summary>Each token's <see cref="Token.NormId"/>, in order.</summary>
    internal ReadOnlySpan<int> NormIds => _columns.NormIds.AsSpan(0, Length);

    /// <summary>Each token's <see cref="Token.TextId"/>, in order.</summary>
    internal ReadOnlySpan<int> TextIds => _columns.TextIds.AsSpan(0, Length);

    /// <summary>Each token's <see cref="Token.Kind"/>, in order.</summary>
    internal ReadOnlySpan<TokenKind> Kinds => _columns.Kinds.AsSpan(0, Length);

    public ReadOnlySpan<Token>.Enumerator GetEnumerator() => AsSpan().GetEnumerator();

    IEnumerator<Token> IEnumerable<Token>.GetEnumerator()
    {
        for (var i = 0; i < Length; i++) yield return _items[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<Token>)this).GetEnumerator();

    /// <summary>The same tokens: the same storage and length.</summary>
    public bool Equals(TokenList other) => ReferenceEquals(_items, other._items) && Length == other.Length;

    public override bool Equals(object? obj) => obj is TokenList other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_items, Length);

    public static bool operator ==(TokenList left, TokenList right) => left.Equals(right);

    public static bool operator !=(TokenList left, TokenList right) => !left.Equals(right);
}
