using System.Collections.Immutable;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;

namespace RulesEngine.Matching;

internal enum CaptureSource { Text, Lexicon, Annotation }

/// <summary>What a capture slot holds, so its value can be looked up after the match.</summary>
internal sealed record CaptureSlot(string Name, CaptureSource Source, int Lexicon, string? Annotation);

// Line stays last: per-letter caches are sized by it (MatchBuffers).
internal enum ScopeKind { Document, Head, Closing, Section, Heading, Paragraph, Sentence, Table, Row, Cell, Item, Line }

internal abstract record CompiledCondition;

/// <summary>The section's whole heading (trailing punctuation aside) matches the pattern.</summary>
internal sealed record HeadingMatches(PatternProgram Program, ImmutableArray<CaptureSlot> Captures) : CompiledCondition;

internal sealed record StartsWith(PatternProgram Program, ImmutableArray<CaptureSlot> Captures) : CompiledCondition;

internal sealed record InColumn(int Column) : CompiledCondition;

/// <summary>Some earlier section's heading starts with the pattern.</summary>
internal sealed record AfterHeading(PatternProgram Program) : CompiledCondition;

internal sealed record CompiledScope(ScopeKind Kind, ImmutableArray<CompiledCondition> Conditions);

/// <summary>The tokens that can begin a match of a rule, for the start index.</summary>
/// <param name="Tests">The one-token tests (classes, regexes, negations) a match can begin with, by test index.</param>
/// <param name="Empty">Whether the pattern could begin without consuming a token (then every place is a start).</param>
/// <param name="Unguarded">
/// The token-consuming instructions a match can begin with, when nothing zero-width (a line test, a
/// lookaround) stands before any of them and no path reaches the match without consuming; otherwise
/// null. The matcher then tests a place against them directly instead of walking the program there.
/// </param>
internal sealed record FirstSet(ImmutableArray<string> Words, ImmutableArray<string> Annotations, bool AnyToken,
    ImmutableArray<int> Tests, bool Empty, Instruction[]? Unguarded);

/// <param name="Required">
/// Word sets of which every match consumes at least one word each (from the tests and lexicons
/// on every path through the pattern): a start with none of a set's words within reach is skipped
/// without running the VM, and a letter without them skips the rule.
/// </param>
/// <param name="RequiredInOrder">Whether every match holds a word of each required set after one of the set before it (see <see cref="Language.Compilation.PatternCompiler.RequiredWordsOf"/>).</param>
/// <param name="MaxLength">The most tokens a match can cover (at most <see cref="PikeVm.MaxMatchTokens"/>): how far from a start the required words can be.</param>
internal sealed record CompiledRule(
    int Order,
    string Name,
    SourceLocation Location,
    int Phase,
    int Priority,
    PatternProgram Program,
    ImmutableArray<CaptureSlot> Captures,
    ImmutableArray<CompiledScope> Scopes,
    ImmutableArray<EmitAction> Emits,
    AnnotateAction? Annotate,
    FirstSet First,
    ImmutableArray<ImmutableArray<string>> Required,
    bool RequiredInOrder,
    int MaxLength)
{
    /// <summary>The rule's `warn` message, if it has one.</summary>
    public string? Warning { get; init; }

    /// <summary>`file:line:column`, made once: every piece of evidence names it.</summary>
    public string LocationText { get; } = Location.ToString();
}

internal sealed record CompiledPhase(string Name, ConflictMode Mode, ImmutableArray<CompiledRule> Rules);
