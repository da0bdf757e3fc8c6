using System.Text.RegularExpressions;

namespace RulesEngine.Reading;

/// <summary>
/// Turns one physical line into tokens, skipping markup (HTML tags, Markdown marks, bullets,
/// footnote marks) and noting where cells and list items begin, then decides what kind of
/// line it is. Token offsets always point into the original text.
/// </summary>
/// <param name="text">The letter's text from its start; the scanner reads only between the bounds it is given.</param>
internal sealed partial class LineScanner(char[] text, TokenPool tokens)
{
    private readonly TokenString?[] _recentStrings = TokenStrings.RecentForThread();

    [GeneratedRegex(@"^\s*(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PageArtefact();

    [GeneratedRegex(@"^[\s\-=_\u2013\u2014|+:]*[-=_\u2013\u2014]{3,}[\s\-=_\u2013\u2014|+:]*$")]
    private static partial Regex TableRule();

    [GeneratedRegex(@"^\s*(?:\[(?:image|figure|signature)\b|(?:an?|the)\s+(?:handwritten\s+)?(?:signature|image|logo|picture|photograph|photo)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex FigureLine();

    [GeneratedRegex(@"^\s*(?:<(?:b|strong)>\s*)+.*?(?:</(?:b|strong)>\s*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex BoldLine();

    [GeneratedRegex(@"^</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^&(?:[a-zA-Z]{2,8}|#[0-9]{1,6}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex HtmlEntity();

    /// <summary>Scans the text between <paramref name="line"/>'s start and end, filling in the rest of it.</summary>
    public ScannedLine Scan(ScannedLine line)
    {
        var (start, end) = (line.Start, line.End);
        var content = text.AsSpan(start, end - start);
        line.FirstToken = tokens.Count;
        line.Indent = CountIndent(content);
        var trimmed = content.Trim().Trim('\f');

        if (trimmed.IsEmpty)
        {
            line.Kind = content.Contains('\f') ? LineKind.PageArtefact : LineKind.Blank;
            line.TokenEnd = tokens.Count;
            return line;
        }
        // The regexes run only on lines whose first character could begin what they look for.
        var first = char.ToLowerInvariant(trimmed[0]);
        if (first is 'p' or '-' && PageArtefact().IsMatch(trimmed)) return Finish(line, LineKind.PageArtefact, tokenise: false);
        if (first is '-' or '=' or '_' or '|' or '+' or ':' or '\u2013' or '\u2014' && TableRule().IsMatch(content)) return Finish(line, LineKind.TableRule, tokenise: false);
        if (first is 'a' or 't' or '[' && FigureLine().IsMatch(content)) return Finish(line, LineKind.Figure, tokenise: false);

        var kind = ClassifyByShape(content, out var markerEnd);
        Tokenise(line, start + markerEnd, end);
        if (!line.HasTokens) return Finish(line, LineKind.Blank, tokenise: false);
        if (kind == LineKind.Text && line.CellStarts.Count > 0) kind = LineKind.TableRow;
        line.Kind = kind;
        return line;
    }

    private ScannedLine Finish(ScannedLine line, LineKind kind, bool tokenise)
    {
        line.Kind = kind;
        if (tokenise) Tokenise(line, line.Start, line.End);
        line.TokenEnd = tokens.Count;
        return line;
    }

    private static LineKind ClassifyByShape(ReadOnlySpan<char> line, out int markerEnd)
    {
        markerEnd = 0;
        var trimmed = line.TrimStart();
        var indent = line.Length - trimmed.Length;
        if (trimmed.StartsWith('#'))
        {
            var hashes = 0;
            while (hashes < trimmed.Length && trimmed[hashes] == '#') hashes++;
            if (hashes <= 6 && hashes < trimmed.Length && char.IsWhiteSpace(trimmed[hashes]))
            {
                markerEnd = indent + hashes;
                return LineKind.MarkdownHeading;
            }
        }
        // A tab makes a table row even when the first cell opens with a bullet.
        if (line.Contains('\t')) return LineKind.Text;
        if (trimmed[0] == '<' && BoldLine().IsMatch(line)) return LineKind.BoldHeading;
        if (trimmed.Length >= 2 && (trimmed[0] is '-' or '*' or '\u2013' || TokenNormaliser.IsBullet(trimmed[0])) && char.IsWhiteSpace(trimmed[1]))
        {
            markerEnd = indent + 1;
            return LineKind.ListItem;
        }
        if (TokenNormaliser.IsBullet(trimmed[0]))
        {
            markerEnd = indent + 1;
            return LineKind.ListItem;
        }
        if (trimmed.StartsWith("<li>".AsSpan(), StringComparison.OrdinalIgnoreCase)) return LineKind.ListItem;
        return LineKind.Text;
    }

    private static int CountIndent(ReadOnlySpan<char> content)
    {
        var indent = 0;
        while (indent < content.Length && content[indent] is ' ' or '\u00A0') indent++;
        return indent;
    }

    private void Tokenise(ScannedLine line, int from, int end)
    {
        var emphasisCloses = FindEmphasisMarks(from, end);
        var spaceBefore = true;
        var lineStart = true;
        var cellStart = false;
        var htmlCells = 0;
        var column0 = line.Start;
        var i = from;
        while (i < end)
        {
            var c = text[i];
            // Most tokens start with an ASCII letter or digit, which none of the tests below takes.
            if (c < 128 && AsciiClasses[c] != 0)
            {
                i = ScanWord(line, i, end, ref spaceBefore, ref lineStart, ref cellStart, column0);
                continue;
            }
            if (c == '\t')
            {
                line.AddCellStart(tokens.Count);
                spaceBefore = true;
                cellStart = true;
                i++;
            }
            else if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                spaceBefore = true;
                i++;
            }
            else if (c == '<' && TagLength(i, end) is > 0 and var tagLength)
            {
                var tag = text.AsSpan(i, tagLength);
                if (tag.StartsWith("<li".AsSpan(), StringComparison.OrdinalIgnoreCase)) line.AddBulletStart(tokens.Count);
                // An HTML row on one line: each <td>/<th> after the first starts a cell, as a tab does.
                if (IsCellTag(tag) && htmlCells++ > 0)
                {
                    line.AddCellStart(tokens.Count);
                    cellStart = true;
                }
                if (IsBlockTag(tag)) spaceBefore = true;
                i += tagLength;
            }
            else if (TokenNormaliser.IsMarkupChar(c))
            {
                if (TokenNormaliser.IsBullet(c)) line.AddBulletStart(tokens.Count);
                spaceBefore = spaceBefore || TokenNormaliser.IsBullet(c);
                i++;
            }
            else if (c is '*' or '_' && emphasisCloses.Contains(i))
            {
                i++;
            }
            else if (c == '&' && EntityLength(i, end) is > 0 and var entityLength)
            {
                var entity = new string(text, i, entityLength);
                var decoded = System.Net.WebUtility.HtmlDecode(entity);
                if (decoded is "\u00A0" || string.IsNullOrWhiteSpace(decoded)) spaceBefore = true;
                else
                {
                    Add(line, TokenKind.Symbol, i, entityLength, TokenStrings.WithNorm(decoded, TokenNormaliser.Normalise(decoded)), ref spaceBefore, ref lineStart, ref cellStart, column0);
                    MarkLastDecoded();
                }
                i += entityLength;
            }
            else if (TokenNormaliser.IsWordChar(c))
            {
                i = ScanWord(line, i, end, ref spaceBefore, ref lineStart, ref cellStart, column0);
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < end ? 2 : 1;
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                Add(line, kind, i, length, TokenStrings.Intern(text.AsSpan(i, length), _recentStrings), ref spaceBefore, ref lineStart, ref cellStart, column0);
                i += length;
            }
        }
        line.TokenEnd = tokens.Count;
        if (line.HasTokens) MarkLineEnd(line.TokenEnd - 1);
    }

    private int ScanWord(ScannedLine line, int i, int end, ref bool spaceBefore, ref bool lineStart, ref bool cellStart, int column0)
    {
        var start = i;
        var numeric = true;
        // The intern cache's hash is taken here, in the walk that finds the word's end, not in a second one.
        var hash = TokenStrings.HashSeed;
        while (i < end)
        {
            i += AsciiLetterOrDigitRun(text.AsSpan(i, end - i), ref hash, ref numeric);
            if (i >= end) break;
            // Anything else: a letter outside ASCII, or what may join two parts of one word.
            var c = text[i];
            if (c == ' ') break;
            if (TokenNormaliser.IsWordChar(c)) numeric &= char.IsAsciiDigit(c) || (c >= 128 && char.IsDigit(c));
            // A number goes on over `1,000` and `2.5`; a word over `children's`.
            else if (numeric ? !(c is '.' or ',' && i > start && i + 1 < end && char.IsDigit(text[i + 1]))
                             : !(TokenNormaliser.IsApostrophe(c) && i + 1 < end && char.IsLetter(text[i + 1]))) break;
            hash = TokenStrings.HashStep(hash, c);
            i++;
        }
        // A word goes on over a character reference for an apostrophe or a letter (`Children&#39;s`,
        // `caf&eacute;`), as it does over the characters themselves: rare, so taken up after the
        // loop that every word runs, which stays as it was.
        if (!numeric && i < end && text[i] == '&' && WordEntityLength(i, end) > 0)
            return ScanWordWithReferences(line, start, i, end, ref spaceBefore, ref lineStart, ref cellStart, column0);
        var kind = numeric ? TokenKind.Number : TokenKind.Word;
        if (numeric && i < end && text[i] == '%')
        {
            kind = TokenKind.Percentage;
            hash = TokenStrings.HashStep(hash, '%');
            i++;
        }
        var strings = TokenStrings.Intern(text.AsSpan(start, i - start), TokenStrings.HashFinish(hash), _recentStrings);
        Add(line, kind, start, i - start, strings, ref spaceBefore, ref lineStart, ref cellStart, column0);
        return i;
    }

    /// <summary>
    /// The rest of a word that a character reference continues, from <paramref name="at"/>: the token
    /// covers the characters written, and reads (and is compared) as the word they stand for.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int ScanWordWithReferences(ScannedLine line, int start, int at, int end, ref bool spaceBefore, ref bool lineStart, ref bool cellStart, int column0)
    {
        var i = at;
        while (i < end)
        {
            var c = text[i];
            if (TokenNormaliser.IsWordChar(c) || TokenNormaliser.IsApostrophe(c) && i + 1 < end && char.IsLetter(text[i + 1])) i++;
            else if (c == '&' && WordEntityLength(i, end) is > 0 and var length) i += length;
            else break;
        }
        var word = System.Net.WebUtility.HtmlDecode(new string(text, start, i - start));
        Add(line, TokenKind.Word, start, i - start, TokenStrings.Intern(word, _recentStrings), ref spaceBefore, ref lineStart, ref cellStart, column0);
        MarkLastDecoded();
        return i;
    }

    // Set after the token is added, not passed in: the one call that records every token stays as it was (see TokenPool.Add).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private void MarkLastDecoded() => tokens[tokens.Count - 1].Flags |= TokenFlags.Decoded;

    /// <summary>The length of a character reference at <paramref name="at"/> that stands for an apostrophe before a letter, or for a letter; else 0.</summary>
    private int WordEntityLength(int at, int end)
    {
        var length = EntityLength(at, end);
        if (length == 0) return 0;
        var decoded = System.Net.WebUtility.HtmlDecode(new string(text, at, length));
        if (decoded.Length != 1) return 0;
        var c = decoded[0];
        if (char.IsLetter(c)) return length;
        return TokenNormaliser.IsApostrophe(c) && at + length < end && char.IsLetter(text[at + length]) ? length : 0;
    }

    /// <summary>
    /// How many characters from the start are ASCII letters or digits, hashing them into
    /// <paramref name="hash"/> and clearing <paramref name="numeric"/> at a letter. Most of a
    /// letter's words are nothing else: this loop has no calls, so its state stays in registers
    /// (the general loop kept its hash and flags on the stack, and re-read the text at every
    /// character). Measured in turn with the general loop alone: the batch 5-6% faster.
    /// </summary>
    private static int AsciiLetterOrDigitRun(ReadOnlySpan<char> chars, ref uint hash, ref bool numeric)
    {
        var h = hash;
        var classes = 0;
        var i = 0;
        var table = AsciiClasses;
        for (; i < chars.Length; i++)
        {
            var c = chars[i];
            // One look-up instead of two range tests whose results were turned into numbers (half
            // the loop's instructions under cachegrind).
            var kind = c < 128 ? table[c] : 0;
            if (kind == 0) break;
            classes |= kind;
            h = TokenStrings.HashStep(h, c);
        }
        hash = h;
        if ((classes & Letter) != 0) numeric = false;
        return i;
    }

    private const byte Digit = 1, Letter = 2;

    /// <summary>For each ASCII character: <see cref="Digit"/>, <see cref="Letter"/>, or 0 for anything else.</summary>
    private static ReadOnlySpan<byte> AsciiClasses =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
        0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0,
    ];

    private void Add(ScannedLine line, TokenKind kind, int start, int length, TokenString strings, ref bool spaceBefore, ref bool lineStart, ref bool cellStart, int column0)
    {
        var flags = TokenFlags.None;
        if (spaceBefore) flags |= TokenFlags.SpaceBefore;
        if (lineStart) flags |= TokenFlags.LineStart;
        if (cellStart) flags |= TokenFlags.CellStart;
        if (kind == TokenKind.Word) flags |= strings.WordFlags;
        else if (kind is TokenKind.Number or TokenKind.Percentage) flags |= TokenFlags.HasDigits;
        tokens.Add(kind, start, length, line.Number, start - column0 + 1, strings, flags);
        spaceBefore = false;
        lineStart = false;
        cellStart = false;
    }

    public static TokenFlags WordFlags(ReadOnlySpan<char> word)
    {
        var flags = TokenFlags.None;
        if (char.IsUpper(word[0])) flags |= TokenFlags.Capitalised;
        var letters = 0;
        var upper = 0;
        foreach (var c in word)
        {
            if (char.IsDigit(c)) flags |= TokenFlags.HasDigits;
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        if (letters >= 2 && upper == letters) flags |= TokenFlags.AllCaps;
        return flags;
    }

    private void MarkLineEnd(int index)
    {
        tokens[index].Flags |= TokenFlags.LineEnd;
    }

    /// <summary>
    /// Emphasis marks come in pairs of runs: `*x*`, `**x**`, `__x__`, `***x***`, and nested or
    /// mixed as `**_x_**` or `*very __good__ indeed*`. A run of `*` and `_` that opens (nothing
    /// but a space or punctuation before it, a non-space after) pairs with the next run that closes
    /// (a non-space before, no letter or digit after) and shares a mark with it, innermost first,
    /// as Markdown reads them; both runs are then markup. A lone `*` (as in `A*-C grades`), a run
    /// between letters (`snake_case`) or between spaces (`2 * 3`) stays a symbol.
    /// </summary>
    private static readonly HashSet<int> NoMarks = [];

    private HashSet<int> FindEmphasisMarks(int from, int end)
    {
        var span = text.AsSpan(from, end - from);
        if (!span.ContainsAny('*', '_')) return NoMarks;
        HashSet<int>? marks = null;
        List<(int Start, int Length)>? openers = null;
        // From one run to the next by a vectorised search: an HTML letter's paragraph is one long
        // line, walked a character at a time twice over (0.8% of a batch's samples).
        for (var found = span.IndexOfAny('*', '_'); found >= 0; found = NextMark(span, found))
        {
            var length = 1;
            while (found + length < span.Length && span[found + length] is '*' or '_') length++;
            var i = from + found;
            var before = i > from ? text[i - 1] : ' ';
            var after = i + length < end ? text[i + length] : ' ';
            var closes = !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after);
            var opens = !char.IsLetterOrDigit(before) && !char.IsWhiteSpace(after);
            var paired = false;
            if (closes && openers is not null)
            {
                var run = span.Slice(found, length);
                for (var o = openers.Count - 1; o >= 0 && !paired; o--)
                {
                    var opener = text.AsSpan(openers[o].Start, openers[o].Length);
                    if (!opener.ContainsAny(run)) continue;
                    marks ??= [];
                    for (var k = 0; k < openers[o].Length; k++) marks.Add(openers[o].Start + k);
                    for (var k = 0; k < length; k++) marks.Add(i + k);
                    // Openers inside the pair that never closed stay text.
                    openers.RemoveRange(o, openers.Count - o);
                    paired = true;
                }
            }
            if (!paired && opens) (openers ??= []).Add((i, length));
            found += length - 1;
        }
        return marks ?? NoMarks;
    }

    /// <summary>Where the next `*` or `_` occurs in <paramref name="span"/> after <paramref name="at"/>, or -1.</summary>
    private static int NextMark(ReadOnlySpan<char> span, int at)
    {
        var next = span[(at + 1)..].IndexOfAny('*', '_');
        return next < 0 ? -1 : at + 1 + next;
    }

    private int TagLength(int at, int end)
    {
        foreach (var match in HtmlTag().EnumerateMatches(text.AsSpan(at, Math.Min(end - at, 400)))) return match.Length;
        return 0;
    }

    private int EntityLength(int at, int end)
    {
        foreach (var match in HtmlEntity().EnumerateMatches(text.AsSpan(at, Math.Min(end - at, 12)))) return match.Length;
        return 0;
    }

    [GeneratedRegex(@"^<t[dh]\b", RegexOptions.IgnoreCase)]
    private static partial Regex CellTag();

    [GeneratedRegex(@"^</?(p|ul|ol|li|br|div|tr|td|th|table|h[1-6])\b", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    private static bool IsCellTag(ReadOnlySpan<char> tag) => CellTag().IsMatch(tag);

    private static bool IsBlockTag(ReadOnlySpan<char> tag) => BlockTag().IsMatch(tag);

}
