namespace RulesEngine.Reading;

public enum TokenKind
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
}

/// <summary>
/// One token of a letter. <see cref="Start"/> and <see cref="Length"/> index the letter's
/// original text exactly; <see cref="Norm"/> is the form rules compare against (lower case,
/// straight quotes), so that typography never decides whether a rule fires. <see cref="NormId"/>
/// and <see cref="TextId"/> number the norm and the text across letters (see <see cref="WordIds"/>),
/// so that matching compares ints.
/// </summary>
public sealed record Token(
    int Index,
    TokenKind Kind,
    int Start,
    int Length,
    int Line,
    int Column,
    string Text,
    string Norm,
    TokenFlags Flags,
    int NormId = WordIds.None,
    int TextId = -1)
{
    /// <summary>Settable only by the reader, which learns a token ends its line after making it (a copy per line was garbage).</summary>
    public TokenFlags Flags { get; internal set; } = Flags;

    public int End => Start + Length;

    public bool Has(TokenFlags flag) => (Flags & flag) == flag;
}
