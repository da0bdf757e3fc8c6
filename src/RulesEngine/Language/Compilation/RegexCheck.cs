using System.Text.RegularExpressions;

namespace RulesEngine.Language.Compilation;

/// <summary>
/// What is wrong with a rule's regular expression, and where in it: the regex engine's own
/// reason for one it cannot read, and braces that read as plain characters where a repetition was
/// surely meant (`/\d{4/` matches a digit, then `{4`: .NET accepts it, an analyst never means it).
/// </summary>
internal static class RegexCheck
{
    /// <returns>The offset in <paramref name="source"/> of the problem and what it is; null when there is none.</returns>
    public static (int Offset, string Message)? Problem(string source)
    {
        try
        {
            _ = new Regex(source, RegexOptions.NonBacktracking);
        }
        catch (RegexParseException e)
        {
            // The engine says where it noticed; an unclosed bracket or parenthesis is shown where it opens.
            var at = e.Error switch
            {
                RegexParseError.UnterminatedBracket => Opener(source, '[', ']'),
                RegexParseError.InsufficientClosingParentheses => Opener(source, '(', ')'),
                _ => null,
            } ?? e.Offset - 1;
            return (Math.Clamp(at, 0, Math.Max(0, source.Length - 1)), $"invalid regular expression: {Reason(e.Error)}");
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return (0, $"invalid regular expression: {e.Message}");
        }
        // Valid alone, but not as the matcher runs it on a whole token: an inline option reached past
        // its end (free spacing, `(?x)`, makes a `#` comment of everything after it, the closing included).
        try
        {
            _ = TokenRegex.Create(source, ignoreCase: false);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            var option = source.IndexOf("(?", StringComparison.Ordinal);
            return (Math.Max(0, option), "an inline option here changes how the rest of the regex reads ((?x) makes a # comment of everything after it); rule regexes do not take (?x): write the regex without it");
        }
        return StrayBrace(source);
    }

    /// <summary>The last unescaped <paramref name="open"/> that no <paramref name="close"/> after it closes.</summary>
    private static int? Opener(string source, char open, char close)
    {
        var openers = new Stack<int>();
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\\') { i++; continue; }
            if (source[i] == open) openers.Push(i);
            else if (source[i] == close && openers.Count > 0) openers.Pop();
        }
        return openers.Count > 0 ? openers.Peek() : null;
    }

    // A repetition's braces: {n}, {n,} or {n,m}.
    private static readonly Regex Quantifier = new(@"\G\{\d+(,\d*)?\}", RegexOptions.CultureInvariant);

    private static (int, string)? StrayBrace(string source)
    {
        var inClass = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') { inClass = true; continue; }
            if (c == '{')
            {
                var quantifier = Quantifier.Match(source, i);
                if (!quantifier.Success) return (i, "'{' here starts no repetition such as {4}, {2,} or {1,3}, so it would match a brace; close it, or write \\{ for a brace");
                i += quantifier.Length - 1;
            }
            else if (c == '}') return (i, "'}' here closes no repetition, so it would match a brace; write \\} for a brace");
        }
        return null;
    }

    private static string Reason(RegexParseError error) => error switch
    {
        RegexParseError.InsufficientClosingParentheses => "a '(' is never closed",
        RegexParseError.InsufficientOpeningParentheses => "a ')' closes no '('",
        RegexParseError.UnterminatedBracket => "a '[' is never closed",
        RegexParseError.QuantifierAfterNothing => "a repetition ('*', '+', '?' or '{n}') follows nothing",
        RegexParseError.NestedQuantifiersNotParenthesized => "two repetitions in a row; put the first in parentheses",
        RegexParseError.UnescapedEndingBackslash => "it ends with a lone '\\'",
        RegexParseError.ReversedQuantifierRange => "a repetition's range is reversed ({m,n} with m > n)",
        RegexParseError.ReversedCharacterRange => "a character range is reversed ([z-a])",
        RegexParseError.UnrecognizedEscape => "an unknown escape ('\\' before a character that has no meaning there)",
        _ => System.Text.RegularExpressions.RegexParseError.Unknown == error ? "the regex engine cannot read it" : SplitWords(error.ToString()),
    };

    private static string SplitWords(string name) => Regex.Replace(name, "(?<=[a-z])(?=[A-Z])", " ").ToLowerInvariant();
}
