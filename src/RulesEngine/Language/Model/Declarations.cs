using System.Collections.Immutable;
using RulesEngine.Diagnostics;

namespace RulesEngine.Language.Model;

public sealed record Import(string Path, SourceLocation Location);

/// <summary>One lexicon line: its phrases and the value they normalise to (the phrase itself when none).</summary>
public sealed record LexiconEntry(ImmutableArray<string> Phrases, object? Value, SourceLocation Location);

/// <summary>A lexicon entry's value with named parts (`{ name: "Derby", code: 831 }`), each a literal.</summary>
public sealed record LexiconRecord(ImmutableSortedDictionary<string, object> Fields);

public sealed record Lexicon(string Name, ImmutableArray<LexiconEntry> Entries, SourceLocation Location);

public sealed record TypeRef(string Name, bool IsList, SourceLocation Location)
{
    public override string ToString() => IsList ? Name + "[]" : Name;
}

public sealed record FieldDecl(string Name, TypeRef Type, SourceLocation Location);

/// <summary>`kind "apa" { judgements, outcomes }`: top-level fields expected only of letters whose `kind` is that value.</summary>
public sealed record KindDecl(string Kind, ImmutableArray<string> Fields, SourceLocation Location);

/// <summary>A record type of the output schema; the one named `output` is the letter's record.</summary>
public sealed record RecordDecl(string Name, ImmutableArray<FieldDecl> Fields, SourceLocation Location);

public enum ConflictMode
{
    /// <summary>Overlapping matches: the longest wins, then the higher priority, then the earlier rule.</summary>
    Longest,
    /// <summary>At each place the first rule (by priority, then order) that matches wins.</summary>
    First,
    /// <summary>Every rule keeps every match.</summary>
    All,
}

public sealed record PhaseDecl(string Name, ConflictMode Mode, SourceLocation Location);

public sealed record PatternDecl(string Name, Pattern Pattern, SourceLocation Location);

public abstract record ScopeCondition(SourceLocation Location);

public sealed record HeadingCondition(Pattern Pattern, SourceLocation Location) : ScopeCondition(Location);

public sealed record StartsWithCondition(Pattern Pattern, SourceLocation Location) : ScopeCondition(Location);

public sealed record ColumnCondition(int Column, SourceLocation Location) : ScopeCondition(Location);

/// <summary>`after "aspects for focus"`: a section that comes after one whose heading starts with the pattern.</summary>
public sealed record AfterCondition(Pattern Pattern, SourceLocation Location) : ScopeCondition(Location);

/// <summary>`within section where heading matches x`: where in the letter a rule may match.</summary>
public sealed record ScopeDecl(string Kind, ImmutableArray<ScopeCondition> Conditions, SourceLocation Location);

/// <summary>A path into the letter's record; a step with <see cref="Append"/> (`outcomes[]`) adds a list item.</summary>
public sealed record TargetStep(string Name, bool Append);

public sealed record EmitAction(ImmutableArray<TargetStep> Target, Expr Value, SourceLocation Location)
{
    public string TargetText => string.Join('.', Target.Select(s => s.Append ? s.Name + "[]" : s.Name));
}

public sealed record AnnotateAction(string Name, Expr? Value, SourceLocation Location);

public sealed record RuleDecl(
    string Name,
    string? Phase,
    int Priority,
    ImmutableArray<ScopeDecl> Scopes,
    Pattern? Pattern,
    ImmutableArray<EmitAction> Emits,
    AnnotateAction? Annotate,
    SourceLocation Location,
    SourceLocation? PhaseLocation = null,
    bool HasSyntaxErrors = false)
{
    /// <summary>`warn "..."`: a message for the letter's warnings each time the rule's match is used, so that a person looks at it.</summary>
    public string? Warning { get; init; }
}

public sealed record ValueStep(string Name, int? Index);

public abstract record Expectation(SourceLocation Location);

public sealed record ExpectNothing(SourceLocation Location) : Expectation(Location);

/// <summary>`expect @Date = "2009-12-09"`: the rule annotates some span with this value.</summary>
public sealed record ExpectAnnotation(string Name, Expr Value, SourceLocation Location) : Expectation(Location);

public sealed record ExpectValue(ImmutableArray<ValueStep> Path, Expr Value, SourceLocation Location) : Expectation(Location)
{
    public string PathText => string.Join('.', Path.Select(s => s.Index is { } i ? $"{s.Name}[{i}]" : s.Name));
}

/// <summary>A small text and what the rule must (or, for `expect none`, must not) make of it.</summary>
public sealed record ExampleDecl(string RuleName, string Text, ImmutableArray<Expectation> Expectations, bool IsTodo, SourceLocation Location);

/// <summary>Everything one rule file declares, in the order written.</summary>
public sealed record RuleFileModel(
    string Path,
    ImmutableArray<Import> Imports,
    ImmutableArray<Lexicon> Lexicons,
    ImmutableArray<RecordDecl> Records,
    ImmutableArray<PhaseDecl> Phases,
    ImmutableArray<PatternDecl> Patterns,
    ImmutableArray<RuleDecl> Rules,
    ImmutableArray<ExampleDecl> Examples)
{
    public ImmutableArray<KindDecl> Kinds { get; init; } = [];
}

/// <summary>All the rule files of a pack, in import order.</summary>
public sealed record RuleSet(ImmutableArray<RuleFileModel> Files)
{
    public IEnumerable<Lexicon> Lexicons => Files.SelectMany(f => f.Lexicons);
    public IEnumerable<RecordDecl> Records => Files.SelectMany(f => f.Records);
    public IEnumerable<PhaseDecl> Phases => Files.SelectMany(f => f.Phases);
    public IEnumerable<PatternDecl> Patterns => Files.SelectMany(f => f.Patterns);
    public IEnumerable<RuleDecl> Rules => Files.SelectMany(f => f.Rules);
    public IEnumerable<ExampleDecl> Examples => Files.SelectMany(f => f.Examples);
    public IEnumerable<KindDecl> Kinds => Files.SelectMany(f => f.Kinds);
}
