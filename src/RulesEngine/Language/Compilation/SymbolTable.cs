using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;

namespace RulesEngine.Language.Compilation;

/// <summary>The names a rule pack declares, with the phase order and which phase makes each annotation.</summary>
internal sealed class SymbolTable
{
    public const string DefaultPhase = "main";

    public Dictionary<string, Lexicon> Lexicons { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, PatternDecl> Patterns { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, RecordDecl> Records { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, RuleDecl> Rules { get; } = new(StringComparer.Ordinal);
    public List<PhaseDecl> Phases { get; } = [];
    public Dictionary<string, int> PhaseIndex { get; } = new(StringComparer.Ordinal);

    /// <summary>Annotation name -> the earliest phase that makes it, and its value type.</summary>
    public Dictionary<string, (int Phase, ValueType Type)> Annotations { get; } = new(StringComparer.Ordinal);

    public RecordDecl? Output => Records.GetValueOrDefault("output");

    private readonly Dictionary<string, LexiconPhrases> _phrases = new(StringComparer.Ordinal);

    /// <summary>
    /// A lexicon's phrases split as letters are, worked out once: a lexicon of 100,000 entries is
    /// read by the checks, the tie check and the compiler, each of which once split every phrase again.
    /// </summary>
    public LexiconPhrases PhrasesOf(Lexicon lexicon)
    {
        if (_phrases.TryGetValue(lexicon.Name, out var known) && ReferenceEquals(known.Lexicon, lexicon)) return known;
        return _phrases[lexicon.Name] = new LexiconPhrases(lexicon);
    }

    public static SymbolTable Build(RuleSet rules, List<Diagnostic> diagnostics)
    {
        var table = new SymbolTable();
        foreach (var lexicon in rules.Lexicons) table.Declare(table.Lexicons, lexicon.Name, lexicon, lexicon.Location, "lexicon", diagnostics);
        foreach (var pattern in rules.Patterns) table.Declare(table.Patterns, pattern.Name, pattern, pattern.Location, "pattern", diagnostics);
        foreach (var record in rules.Records) table.Declare(table.Records, record.Name, record, record.Location, record.Name == "output" ? "output schema" : "record", diagnostics);
        foreach (var rule in rules.Rules) table.Declare(table.Rules, rule.Name, rule, rule.Location, "rule", diagnostics);
        foreach (var phase in rules.Phases)
        {
            if (table.PhaseIndex.ContainsKey(phase.Name))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateName, Severity.Error, phase.Location, $"phase '{phase.Name}' is declared twice"));
                continue;
            }
            table.PhaseIndex[phase.Name] = table.Phases.Count;
            table.Phases.Add(phase);
        }
        if (!table.PhaseIndex.ContainsKey(DefaultPhase))
        {
            table.PhaseIndex[DefaultPhase] = table.Phases.Count;
            table.Phases.Add(new PhaseDecl(DefaultPhase, ConflictMode.All, SourceLocation.None));
        }
        foreach (var name in table.Patterns.Keys.Where(table.Lexicons.ContainsKey))
            diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateName, Severity.Error, table.Patterns[name].Location, $"'{name}' names both a lexicon and a pattern"));
        return table;
    }

    public int PhaseOf(RuleDecl rule) => PhaseIndex.GetValueOrDefault(rule.Phase ?? DefaultPhase, PhaseIndex[DefaultPhase]);

    private void Declare<T>(Dictionary<string, T> names, string name, T value, SourceLocation location, string what, List<Diagnostic> diagnostics)
    {
        if (names.TryAdd(name, value)) return;
        var first = names[name] switch
        {
            Lexicon l => l.Location,
            PatternDecl p => p.Location,
            RecordDecl r => r.Location,
            RuleDecl r => r.Location,
            _ => SourceLocation.None,
        };
        diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateName, Severity.Error, location, $"{what} '{name}' is already declared at {first}"));
    }
}

/// <summary>A value type of the output schema: text, int, number, date, bool, a record name, `any`, or a list of one of these.</summary>
internal sealed record ValueType(string Name, bool IsList = false)
{
    public static ValueType Text { get; } = new("text");
    public static ValueType Int { get; } = new("int");
    public static ValueType Number { get; } = new("number");
    public static ValueType Date { get; } = new("date");
    public static ValueType Bool { get; } = new("bool");
    public static ValueType Any { get; } = new("any");
    public static ValueType Object { get; } = new("object");

    public static readonly HashSet<string> Scalars = ["text", "int", "number", "date", "bool", "any"];

    public ValueType Element => this with { IsList = false };

    public ValueType AsList => this with { IsList = true };

    public static ValueType Parse(string text) =>
        text.EndsWith("[]", StringComparison.Ordinal) ? new ValueType(text[..^2], true) : new ValueType(text);

    /// <summary>Whether a value of type <paramref name="value"/> may be stored where this type is declared.</summary>
    public bool Accepts(ValueType value)
    {
        if (Name == "any" || value.Name == "any") return IsList == value.IsList || value.Name == "any";
        if (IsList != value.IsList) return false;
        if (Name == value.Name) return true;
        if (Name == "number" && value.Name == "int") return true;
        return !Scalars.Contains(Name) && value.Name == "object";
    }

    public override string ToString() => IsList ? Name + "[]" : Name;
}

/// <summary>The words of each phrase of a lexicon (normalised), in the order the entries give them, and what checks ask of them.</summary>
internal sealed class LexiconPhrases
{
    public LexiconPhrases(Lexicon lexicon)
    {
        Lexicon = lexicon;
        Norms = [.. lexicon.Entries.SelectMany(e => e.Phrases).Select(p => PatternAnalysis.Tokenise(p).Select(t => t.Norm).ToArray())];
        var lengths = Norms.Select(n => n.Length).Where(n => n > 0).DefaultIfEmpty(0).ToList();
        (MinLength, MaxLength) = (lengths.Min(), lengths.Max());
        AllSingleWords = Norms.All(n => n.Length == 1);
        FirstWords = Norms.Where(n => n.Length > 0).Select(n => n[0]).ToHashSet(StringComparer.Ordinal);
    }

    public Lexicon Lexicon { get; }

    /// <summary>Per phrase, its normalised words (none for a phrase of punctuation-free nothing).</summary>
    public IReadOnlyList<string[]> Norms { get; }

    public int MinLength { get; }
    public int MaxLength { get; }
    public bool AllSingleWords { get; }

    /// <summary>The words a phrase can begin with; shared, so callers must not change it.</summary>
    public HashSet<string> FirstWords { get; }
}
