using System.Text.RegularExpressions;

namespace RulesEngine.Language.Compilation;

/// <summary>
/// A rule's regular expression as it runs: on one token, the whole token, without backtracking.
/// The one place the rule's text is wrapped, so that `check` tries exactly what the matcher will run.
/// </summary>
internal static class TokenRegex
{
    /// <summary>
    /// The engine does not backtrack, so a match is linear in the token; the timeout is a last
    /// guard (a letter of one 4 MB "word"), reported as that letter's failure.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public static Regex Create(string source, bool ignoreCase) =>
        new("^(?:" + source + ")$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), MatchTimeout);
}
