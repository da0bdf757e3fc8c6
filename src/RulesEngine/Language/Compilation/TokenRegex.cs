using System.Text.RegularExpressions;

namespace RulesEngine.Language.Compilation;

/// <summary>
/// A rule's regular expression as it runs: on one token, the whole token, without backtracking.
/// The one place the rule's text is wrapped, so that `check` tries exactly what the matcher will run.
/// </summary>
internal static class TokenRegex
{
    public static Regex Create(string source, bool ignoreCase) =>
        new("^(?:" + source + ")$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
}
