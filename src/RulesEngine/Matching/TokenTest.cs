using System.Text.RegularExpressions;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>A test of one token, the smallest step of a compiled pattern.</summary>
internal abstract record TokenTest
{
    public abstract bool Matches(Token token);

    /// <summary>The token norm this test requires, when it requires exactly one; used to index rules by first word.</summary>
    public virtual string? IndexWord => null;

    /// <summary>Writes the positions of the tokens this test passes, in order, into <paramref name="into"/>; returns how many.</summary>
    public virtual int Passing(TokenList tokens, Span<int> into)
    {
        var all = tokens.AsSpan();
        var count = 0;
        for (var i = 0; i < all.Length; i++) if (Matches(all[i])) into[count++] = i;
        return count;
    }
}

internal sealed record WordTest(string Norm) : TokenTest
{
    private readonly int _id = WordIds.Of(Norm);

    public override bool Matches(Token token) => token.NormId == _id;
    public override string? IndexWord => Norm;
}

internal sealed record ExactWordTest(string Text) : TokenTest
{
    public override bool Matches(Token token) =>
        string.Equals(token.Text.Replace('\u2019', '\''), Text, StringComparison.Ordinal);
    public override string? IndexWord => Text.ToLowerInvariant();
}

internal enum TokenClass { Any, Word, Number, Percentage, Punctuation, Symbol, Capitalised, Upper, Lower, Alphanumeric, Inline, CellStart }

internal sealed record ClassTest(TokenClass Class) : TokenTest
{
    /// <summary>The token kind this class is exactly, when it is one (`word`, `number`, `percent`, `punct`, `symbol`).</summary>
    private TokenKind? Kind { get; } = Class switch
    {
        TokenClass.Word => TokenKind.Word,
        TokenClass.Number => TokenKind.Number,
        TokenClass.Percentage => TokenKind.Percentage,
        TokenClass.Punctuation => TokenKind.Punctuation,
        TokenClass.Symbol => TokenKind.Symbol,
        _ => null,
    };

    public override bool Matches(Token token) => Class switch
    {
        TokenClass.Any => true,
        TokenClass.Word or TokenClass.Number or TokenClass.Percentage or TokenClass.Punctuation or TokenClass.Symbol => token.Kind == Kind,
        TokenClass.Capitalised => token.Kind == TokenKind.Word && token.Has(TokenFlags.Capitalised),
        TokenClass.Upper => token.Kind == TokenKind.Word && token.Has(TokenFlags.AllCaps),
        TokenClass.Lower => token.Kind == TokenKind.Word && char.IsLower(token.Text[0]),
        TokenClass.Alphanumeric => token.Kind == TokenKind.Word && token.Has(TokenFlags.HasDigits),
        TokenClass.Inline => !token.Has(TokenFlags.LineStart),
        TokenClass.CellStart => token.Has(TokenFlags.CellStart),
        _ => false,
    };

    // `number` and `percent` (the commonest first tests) compare each token's kind here, from the
    // kinds side by side, not through a virtual call and a token object per token.
    public override int Passing(TokenList tokens, Span<int> into)
    {
        if (Kind is not { } kind) return base.Passing(tokens, into);
        var kinds = tokens.Kinds;
        var count = 0;
        for (var i = 0; i < kinds.Length; i++) if (kinds[i] == kind) into[count++] = i;
        return count;
    }

    public static IReadOnlyDictionary<string, TokenClass> Names { get; } = new Dictionary<string, TokenClass>
    {
        ["any"] = TokenClass.Any,
        ["word"] = TokenClass.Word,
        ["number"] = TokenClass.Number,
        ["percent"] = TokenClass.Percentage,
        ["punct"] = TokenClass.Punctuation,
        ["symbol"] = TokenClass.Symbol,
        ["cap"] = TokenClass.Capitalised,
        ["capitalised"] = TokenClass.Capitalised,
        ["upper"] = TokenClass.Upper,
        ["lower"] = TokenClass.Lower,
        ["alnum"] = TokenClass.Alphanumeric,
        ["inline"] = TokenClass.Inline,
        ["cellstart"] = TokenClass.CellStart,
    };
}

/// <summary>
/// A regular expression over one token's text. .NET's backtracking engine is not used: the
/// non-backtracking engine keeps a rule writer's regex linear in the token's length.
/// </summary>
internal sealed record RegexTest(Regex Regex) : TokenTest
{
    private readonly TextMemo _answers = new();

    public override bool Matches(Token token) => _answers.Known(token.TextId) switch
    {
        TextMemo.Answer.Yes => true,
        TextMemo.Answer.No => false,
        _ => Decide(token.TextId, token.Text),
    };

    /// <summary>Asks the regex about a text not seen before, and remembers the answer.</summary>
    private bool Decide(int textId, string text)
    {
        var answer = Regex.IsMatch(text);
        _answers.Remember(textId, answer);
        return answer;
    }

    // Over a whole letter the remembered answers are found by the text ids side by side; a token
    // object is reached only for a text not seen before.
    public override int Passing(TokenList tokens, Span<int> into)
    {
        var ids = tokens.TextIds;
        var count = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            // The memo's look-up inline: this loop visits every token of the letter (a call per
            // token was most of a regex first test's instructions under cachegrind).
            var known = _answers.Known(ids[i]);
            if (known == TextMemo.Answer.Yes || (known == TextMemo.Answer.Unknown && Decide(ids[i], tokens[i].Text))) into[count++] = i;
        }
        return count;
    }

    public bool Equals(RegexTest? other) => other is not null && other.Regex.ToString() == Regex.ToString() && other.Regex.Options == Regex.Options;

    public override int GetHashCode() => HashCode.Combine(Regex.ToString(), Regex.Options);
}

internal sealed record NotTest(TokenTest Inner) : TokenTest
{
    public override bool Matches(Token token) => !Inner.Matches(token);
}

internal sealed record AnyOfTest(TokenTest[] Tests) : TokenTest
{
    // A for loop over an array: foreach over an interface list would allocate an enumerator per token.
    public override bool Matches(Token token)
    {
        for (var i = 0; i < Tests.Length; i++) if (Tests[i].Matches(token)) return true;
        return false;
    }

    public bool Equals(AnyOfTest? other) => other is not null && Tests.SequenceEqual(other.Tests);

    public override int GetHashCode() => Tests.Aggregate(17, (hash, test) => HashCode.Combine(hash, test));
}

internal sealed record WordSetTest(IReadOnlySet<string> Norms) : TokenTest
{
    private readonly WordIdSet _ids = WordIdSet.Of(Norms.Select(WordIds.Of));

    public override bool Matches(Token token) => _ids.Contains(token.NormId);
}
