using System.Collections.Immutable;
using RulesEngine.Diagnostics;

namespace RulesEngine.Language.Model;

/// <summary>A pattern over tokens, as the rule file wrote it. Every node knows where it was written.</summary>
public abstract record Pattern(SourceLocation Location);

/// <summary>A word or phrase; case-insensitive unless <see cref="Exact"/>.</summary>
public sealed record LiteralPattern(string Text, bool Exact, SourceLocation Location) : Pattern(Location);

/// <summary>A name: a lexicon, a named pattern or a token class such as `number`.</summary>
public sealed record ReferencePattern(string Name, SourceLocation Location) : Pattern(Location);

/// <summary>`@Name`: a span an earlier phase annotated.</summary>
public sealed record AnnotationPattern(string Name, SourceLocation Location) : Pattern(Location);

/// <summary>`/regex/`: one token whose text matches.</summary>
public sealed record RegexPattern(string Source, bool IgnoreCase, SourceLocation Location) : Pattern(Location);

public sealed record SequencePattern(ImmutableArray<Pattern> Items, SourceLocation Location) : Pattern(Location);

public sealed record AlternationPattern(ImmutableArray<Pattern> Alternatives, SourceLocation Location) : Pattern(Location);

/// <summary>`?`, `*`, `+`, `{m,n}`; a null <see cref="Max"/> means unbounded.</summary>
public sealed record RepeatPattern(Pattern Inner, int Min, int? Max, SourceLocation Location) : Pattern(Location);

/// <summary>`!x`: one token that does not pass the single-token test x.</summary>
public sealed record NegationPattern(Pattern Inner, SourceLocation Location) : Pattern(Location);

/// <summary>`... up to n`: any n tokens or fewer.</summary>
public sealed record GapPattern(int Max, SourceLocation Location) : Pattern(Location);

public enum Anchor { LineStart, LineEnd }

public sealed record AnchorPattern(Anchor Anchor, SourceLocation Location) : Pattern(Location);

/// <summary>`followed by (...)`, `not preceded by (...)`: a zero-width test of the tokens around.</summary>
public sealed record LookaroundPattern(Pattern Inner, bool Ahead, bool Negated, SourceLocation Location) : Pattern(Location);

/// <summary>`x -> name`: the tokens x matched, kept under a name for the rule's actions.</summary>
public sealed record CapturePattern(Pattern Inner, string Name, SourceLocation Location) : Pattern(Location);
