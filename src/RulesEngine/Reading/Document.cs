using System.Collections.Immutable;

namespace RulesEngine.Reading;

/// <summary>
/// A letter as the engine sees it: the original text, untouched, and the tokens and structure
/// found in it. Markup (HTML tags, Markdown marks, bullets, page artefacts) is structure and
/// never appears as a token.
/// </summary>
/// <param name="Content">
/// The original text. For a batch worker's letter it is the worker's buffer, valid as long as the
/// document is (see <see cref="TokenPool"/>); <see cref="Text"/> makes a string of it when asked.
/// </param>
public sealed record Document(
    string Name,
    ReadOnlyMemory<char> Content,
    TokenList Tokens,
    ImmutableArray<TokenRange> Lines,
    ImmutableArray<Paragraph> Paragraphs,
    ImmutableArray<Sentence> Sentences,
    ImmutableArray<Section> Sections,
    ImmutableArray<Table> Tables,
    ImmutableArray<ListItem> ListItems,
    ImmutableArray<Figure> Figures,
    TokenRange Head,
    TokenRange Closing)
{
    public TokenRange All => new(0, Tokens.Length);

    /// <summary>What the letter arrived as; <see cref="Content"/> is then the text its reader made of it.</summary>
    public Formats.LetterFormat Format { get; init; } = Formats.LetterFormat.Text;

    /// <summary>Where the letter came from, as given (`letters/2009/derby.pdf`); none for a letter read from a string.</summary>
    public string? Source { get; init; }

    /// <summary>How the letter's bytes were decoded, when not as UTF-8 (the loader's decision).</summary>
    public LetterEncoding? Encoding { get; init; }

    private string? _text;

    /// <summary>The original text, untouched (the same string when the letter was read from one).</summary>
    public string Text => _text ??= Content.ToString();

    /// <summary>
    /// The words of a token range as a reader would quote them: single spaces where the letter
    /// had any white space (including line breaks), none where tokens touched, markup left out.
    /// </summary>
    public string TextOf(TokenRange range)
    {
        if (range.IsEmpty) return string.Empty;
        if (range.Length == 1) return Tokens[range.Start].Text;
        // Measured first, then written once into a string of the right length (a growing
        // builder made several copies per captured phrase). A token's text is the letter's own
        // characters at its offsets: copied from there, not from its shared string, which would
        // take two more loads per token, each likely a cache miss (5% of a batch's first-level
        // misses under cachegrind).
        var length = 0;
        for (var i = range.Start; i < range.End; i++)
        {
            var token = Tokens[i];
            length += (token.Has(TokenFlags.Decoded) ? token.Text.Length : token.Length) + (i > range.Start && token.Has(TokenFlags.SpaceBefore) ? 1 : 0);
        }
        return string.Create(length, (Tokens, Content, range), static (chars, state) =>
        {
            var (tokens, content, range) = state;
            var text = content.Span;
            var at = 0;
            for (var i = range.Start; i < range.End; i++)
            {
                var token = tokens[i];
                if (i > range.Start && token.Has(TokenFlags.SpaceBefore)) chars[at++] = ' ';
                // A character reference is quoted as the character it stands for.
                var source = token.Has(TokenFlags.Decoded) ? token.Text.AsSpan() : text.Slice(token.Start, token.Length);
                source.CopyTo(chars[at..]);
                at += source.Length;
            }
        });
    }

    /// <summary>Character span [start, end) in <see cref="Text"/> covered by a token range.</summary>
    public (int Start, int End) CharSpan(TokenRange range) =>
        range.IsEmpty ? (0, 0) : (Tokens[range.Start].Start, Tokens[range.End - 1].End);
}
