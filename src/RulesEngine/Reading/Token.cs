namespace RulesEngine.Reading;

public enum TokenKind : byte
{
    Word,
    Number,
    Percentage,
    Punctuation,
    Symbol,
}

[Flags]
public enum TokenFlags
{
    None = 0,
    Capitalised = 1,
    AllCaps = 2,
    HasDigits = 4,
    SpaceBefore = 8,
    LineStart = 16,
    LineEnd = 32,
    /// <summary>The first token of a table cell after the row's first.</summary>
    CellStart = 64,
    /// <summary>
    /// The token's characters hold an HTML character reference (`Children&amp;#39;s`, `&amp;amp;`): its
    /// <see cref="Token.Text"/> is the decoded form, and a quote of it takes that, while its span
    /// still covers the letter's own characters.
    /// </summary>
    Decoded = 128,
}

/// <summary>
/// One token of a letter. <see cref="Start"/> and <see cref="Length"/> index the letter's
/// original text exactly; <see cref="Norm"/> is the form rules compare against (lower case,
/// straight quotes), so that typography never decides whether a rule fires. <see cref="NormId"/>
/// and <see cref="TextId"/> number the norm and the text across letters (see <see cref="WordIds"/>),
/// so that matching compares ints.
/// </summary>
/// <remarks>
/// A letter makes one of these per word, so it is kept small: the text, its norm and their ids
/// live once in the shared <see cref="TokenString"/> every token of that text points to (56 bytes
/// a token instead of 72 with the strings and ids copied in). The norm's id is kept here as well
/// because word tests read nothing else.
/// </remarks>
public sealed class Token
{
    private TokenString _strings;

    internal Token(int index, TokenKind kind, int start, int length, int line, int column, TokenString strings, TokenFlags flags) =>
        Reset(index, kind, start, length, line, column, strings, flags);

    /// <summary>Makes this a different token: only a <see cref="TokenPool"/> does this, when its last letter is done with.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_strings))]
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal void Reset(int index, TokenKind kind, int start, int length, int line, int column, TokenString strings, TokenFlags flags)
    {
        Index = index;
        Kind = kind;
        Start = start;
        Length = length;
        Line = line;
        Column = column;
        _strings = strings;
        NormId = strings.NormId;
        Flags = flags;
    }

    public int Index { get; private set; }
    public TokenKind Kind { get; private set; }
    public int Start { get; private set; }
    public int Length { get; private set; }
    public int Line { get; private set; }
    public int Column { get; private set; }
    public int NormId { get; private set; }
    public string Text => _strings.Text;
    public string Norm => _strings.Norm;

    /// <summary>The text's index for per-text memos; -1 when the shared table was full.</summary>
    public int TextId => _strings.TextId;

    /// <summary>Settable only by the reader, which learns a token ends its line after making it (a copy per line was garbage).</summary>
    public TokenFlags Flags { get; internal set; }

    public int End => Start + Length;

    public bool Has(TokenFlags flag) => (Flags & flag) == flag;

    public override string ToString() => $"{Text} ({Kind} at {Line}:{Column})";
}
