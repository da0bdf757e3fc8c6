using System.Globalization;
using System.Runtime.CompilerServices;

namespace RulesEngine.Reading;

/// <summary>
/// The comparison form of a token: lower case with typographic quotes and dashes made plain,
/// so that `Children’s` and `children's` are the same word to every rule.
/// </summary>
internal static class TokenNormaliser
{
    public static string Normalise(ReadOnlySpan<char> text)
    {
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        for (var i = 0; i < text.Length; i++) buffer[i] = NormaliseChar(text[i]);
        return new string(buffer);
    }

    public static char NormaliseChar(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201B' or '\u02BC' or '`' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2013' or '\u2014' or '\u2012' or '\u2212' or '\u2010' or '\u2011' => '-',
        _ => char.ToLowerInvariant(c),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c == '\'' || (c >= '\u02BC' && c is '\u2019' or '\u2018' or '\u02BC');

    // The scanner asks this of every mark and symbol that starts a token: ASCII, nearly all of
    // them, is answered inline (the call was 0.9% of a batch's instructions under cachegrind).
    /// <summary>Footnote marks and bullets are layout, never words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsMarkupChar(char c) => c >= '\u00B2' && IsNonAsciiMarkupChar(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNonAsciiMarkupChar(char c) =>
        c is '\u00B9' or '\u00B2' or '\u00B3' or '\u2070' or (>= '\u2074' and <= '\u2079')
          or '\u2022' or '\u25AA' or '\u25CF' or '\u25E6' or '\u2023' or '\u2043' or '\u00B7' or '\uFEFF' or '\u200B';

    public static bool IsBullet(char c) =>
        c is '\u2022' or '\u25AA' or '\u25CF' or '\u25E6' or '\u2023' or '\u2043' or '\u00B7';

    // Called for every character of every word: the ASCII test is inlined into the scanner's loop,
    // the rest of Unicode goes through a call.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : IsNonAsciiWordChar(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNonAsciiWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark;
}
