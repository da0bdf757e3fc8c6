using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RulesEngine.Matching;

/// <summary>Turns letter text into typed values: numbers (digits or words), percentages, dates, names.</summary>
internal static partial class Conversions
{
    private static readonly Dictionary<string, decimal> Units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["no"] = 0, ["none"] = 0, ["a"] = 1, ["an"] = 1, ["one"] = 1, ["single"] = 1, ["two"] = 2, ["both"] = 2, ["three"] = 3,
        ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11,
        ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17,
        ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, decimal> Fractions = new(StringComparer.Ordinal)
    {
        ["half"] = 0.5m, ["halves"] = 0.5m, ["third"] = 1m / 3, ["thirds"] = 1m / 3, ["quarter"] = 0.25m, ["quarters"] = 0.25m,
        ["fifth"] = 0.2m, ["fifths"] = 0.2m, ["tenth"] = 0.1m, ["tenths"] = 0.1m,
    };

    /// <summary>Words that qualify a number without changing it: `approximately one third` is still 0.333.</summary>
    private static readonly HashSet<string> Approximations = ["approximately", "about", "around", "roughly", "nearly", "almost", "over", "some", "just", "under"];

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>`233,200` -> 233200, `six` -> 6, `twenty-five` -> 25, `one third` -> 0.333, `2 thousand` -> 2000.</summary>
    public static decimal? ParseNumber(string text)
    {
        var cleaned = text.AsSpan().Trim().TrimEnd('%').Trim();
        // Digits, the common case, are parsed from the text without its thousands separators in
        // place: a trimmed copy and a copy without commas were made for every number captured.
        Span<char> withoutCommas = cleaned.Length <= 128 ? stackalloc char[cleaned.Length] : new char[cleaned.Length];
        var length = 0;
        foreach (var c in cleaned) if (c != ',') withoutCommas[length++] = c;
        if (decimal.TryParse(withoutCommas[..length], NumberStyles.Number, CultureInfo.InvariantCulture, out var digits)) return digits;
        decimal total = 0, current = 0;
        var any = false;
        var leading = true;
        foreach (var word in cleaned.ToString().ToLowerInvariant().Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // `and` joins parts (`one hundred and five`); qualifiers before the number are skipped.
            if (word == "and" || (leading && Approximations.Contains(word))) continue;
            leading = false;
            if (Units.TryGetValue(word, out var unit)) current += unit;
            else if (decimal.TryParse(word.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) current += number;
            else if (word is "hundred") current = (current == 0 ? 1 : current) * 100;
            else if (word is "thousand" or "million")
            {
                total += (current == 0 ? 1 : current) * (word == "thousand" ? 1000 : 1_000_000);
                current = 0;
            }
            else if (Fractions.TryGetValue(word, out var fraction)) return Math.Round((total + (current == 0 ? 1 : current)) * fraction, 3);
            else return null;
            any = true;
        }
        return any ? total + current : null;
    }

    public static decimal? ParsePercent(string text) => text.Contains('%') || decimal.TryParse(text, CultureInfo.InvariantCulture, out _) ?
        ParseNumber(text.Replace("per cent", "").Replace("percent", "")) : ParseNumber(Regex.Replace(text, @"\s*per\s*cent\b", "", RegexOptions.IgnoreCase));

    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m>[A-Za-z]+)\.?,?\s+(?<y>\d{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<m>[A-Za-z]+)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})$")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?<d>\d{1,2})\s*[/.\-]\s*(?<m>\d{1,2})\s*[/.\-]\s*(?<y>\d{4})$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<y>\d{4})\s*-\s*(?<m>\d{1,2})\s*-\s*(?<d>\d{1,2})$")]
    private static partial Regex Iso();

    /// <summary>`9 December 2009`, `December 9, 2009`, `09/12/2009` (day first, as in English letters) -> 2009-12-09.</summary>
    public static DateOnly? ParseDate(string text)
    {
        var trimmed = text.Trim();
        var match = Iso().Match(trimmed);
        if (!match.Success) match = DayMonthYear().Match(trimmed);
        if (!match.Success) match = MonthDayYear().Match(trimmed);
        if (!match.Success) match = Numeric().Match(trimmed);
        if (!match.Success) return null;
        var month = MonthNumber(match.Groups["m"].Value);
        if (month is null) return null;
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month.Value) ? new DateOnly(year, month.Value, day) : null;
    }

    private static int? MonthNumber(string text)
    {
        if (int.TryParse(text, out var number)) return number is >= 1 and <= 12 ? number : null;
        var lower = text.ToLowerInvariant();
        if (lower.Length < 3) return null;
        var index = Array.FindIndex(Months, m => m.StartsWith(lower, StringComparison.Ordinal) && (lower.Length >= 3));
        return index >= 0 ? index + 1 : null;
    }

    /// <summary>
    /// Names in capitals as people write them: `FLO HADLEY` -> `Flo Hadley`, `MCDONALD` -> `McDonald`,
    /// `O'BRIEN-SMITH` -> `O'Brien-Smith`. Words already in mixed case are left alone.
    /// </summary>
    public static string TitleCase(string text)
    {
        // Words and the white space between them, walked by hand: a regex split and LINQ per word
        // cost more than the conversion.
        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var space = char.IsWhiteSpace(text[i]);
            while (i < text.Length && char.IsWhiteSpace(text[i]) == space) i++;
            var part = text.AsSpan(start, i - start);
            if (space || !IsAllCaps(part)) builder.Append(part);
            else AppendTitled(builder, part);
        }
        return builder.ToString();
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }

    private static void AppendTitled(StringBuilder builder, ReadOnlySpan<char> word)
    {
        // Lowered as a string, as before, so that letters outside the BMP lower as pairs.
        var titled = word.ToString().ToLowerInvariant().ToCharArray();
        var capitalNext = true;
        for (var i = 0; i < titled.Length; i++)
        {
            var c = titled[i];
            if (char.IsLetter(c))
            {
                if (capitalNext) c = char.ToUpperInvariant(c);
                capitalNext = false;
            }
            else capitalNext = c is '-' or '\'' or '\u2019' or '.';
            titled[i] = c;
        }
        if (titled.Length > 2 && titled[0] == 'M' && titled[1] == 'c') titled[2] = char.ToUpperInvariant(titled[2]);
        builder.Append(titled);
    }
}
