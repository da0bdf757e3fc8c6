namespace RulesEngine.Diagnostics;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>A place in a rule file: 1-based line and column, and how many characters it covers.</summary>
public sealed record SourceLocation(string File, int Line, int Column, int Length = 1)
{
    public static SourceLocation None { get; } = new("", 0, 0, 0);

    // A problem with a whole file or folder has no line: it is named alone, not at a made-up `:0:0`.
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

/// <summary>A problem found in rule files, as data: the code says which check found it (see docs/diagnostics.md).</summary>
public sealed record Diagnostic(string Code, Severity Severity, SourceLocation Location, string Message, string? Suggestion = null)
{
    public bool IsError => Severity == Severity.Error;

    /// <summary>The message with its suggestion: `unknown lexicon 'x' (did you mean 'y'?)`.</summary>
    public string MessageWithSuggestion => Suggestion is null ? Message : $"{Message} (did you mean '{Suggestion}'?)";

    /// <summary>The stable one-line form: `file:line:col: error: message (did you mean 'x'?) [RE2001]`.</summary>
    public override string ToString() => $"{Location}: {(Severity == Severity.Error ? "error" : "warning")}: {MessageWithSuggestion} [{Code}]";
}
