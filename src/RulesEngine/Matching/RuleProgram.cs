using System.Collections.Immutable;
using RulesEngine.Language.Model;

namespace RulesEngine.Matching;

/// <summary>
/// A compiled rule pack, ready to run over any number of letters (it holds no per-letter state,
/// so one program serves parallel workers).
/// </summary>
public sealed class RuleProgram
{
    internal RuleProgram(
        ImmutableArray<CompiledPhase> phases,
        ImmutableArray<TokenTest> tests,
        ImmutableArray<LexiconTrie> lexicons,
        ImmutableArray<Lookaround> lookarounds,
        ImmutableArray<string> annotationNames,
        RuleSet model,
        IReadOnlyDictionary<string, string> sources)
    {
        Phases = phases;
        Tests = tests;
        Lexicons = lexicons;
        Lookarounds = lookarounds;
        AnnotationNames = annotationNames;
        Model = model;
        Sources = sources;
        Rules = [.. phases.SelectMany(p => p.Rules).OrderBy(r => r.Order)];
        RuleOrdersByName = [.. Rules.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => r.Order)];
        Index = new StartIndex(this);
    }

    internal ImmutableArray<CompiledPhase> Phases { get; }
    internal ImmutableArray<CompiledRule> Rules { get; }
    internal ImmutableArray<TokenTest> Tests { get; }
    internal ImmutableArray<LexiconTrie> Lexicons { get; }
    internal ImmutableArray<Lookaround> Lookarounds { get; }
    internal ImmutableArray<string> AnnotationNames { get; }
    internal StartIndex Index { get; }

    /// <summary>Each rule's <see cref="CompiledRule.Order"/>, the rules taken in ordinal order of their (distinct) names: per-rule counts become name-sorted maps without sorting per letter.</summary>
    internal ImmutableArray<int> RuleOrdersByName { get; }

    /// <summary>The rule of that name, found by halving <see cref="RuleOrdersByName"/>; null when there is none.</summary>
    internal CompiledRule? RuleNamed(string name)
    {
        int low = 0, high = RuleOrdersByName.Length - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var rule = Rules[RuleOrdersByName[middle]];
            var order = string.CompareOrdinal(rule.Name, name);
            if (order == 0) return rule;
            if (order < 0) low = middle + 1;
            else high = middle - 1;
        }
        return null;
    }

    /// <summary>The rule model the program was compiled from (for examples, schema and explanations).</summary>
    public RuleSet Model { get; }

    /// <summary>The text of each rule file by its display path, for printing diagnostics with their source line.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    public IEnumerable<string> RuleNames => Rules.Select(r => r.Name);

    /// <summary>The top-level fields the output schema declares (empty without a schema).</summary>
    public IReadOnlyList<string> OutputFields => _outputFields ??=
        Model.Records.FirstOrDefault(r => r.Name == "output")?.Fields.Select(f => f.Name).ToList() ?? [];

    // Asked once per letter by the batch summary: worked out on first use, not every time.
    private IReadOnlyList<string>? _outputFields;

    /// <summary>
    /// The top-level fields a letter of this kind should have: those no `kind` declaration names,
    /// and those its kind's declaration names. A field only rating letters have is not missing
    /// from an APA letter.
    /// </summary>
    public IReadOnlyList<string> ExpectedFields(string? kind)
    {
        _expectedFields ??= BuildExpectedFields();
        return _expectedFields.TryGetValue(kind ?? "", out var fields) ? fields : _expectedFields[""];
    }

    /// <summary>The fields the record's kind should have and it lacks, in schema order.</summary>
    public IEnumerable<string> MissingFields(Output.ObjectValue record) =>
        ExpectedFields(KindOf(record)).Where(field => !record.Fields.ContainsKey(field));

    /// <summary>The letter's kind, as its record's `kind` field says, or null.</summary>
    public static string? KindOf(Output.ObjectValue record) => record["kind"] is Output.TextValue { Text: var kind } ? kind : null;

    private Dictionary<string, IReadOnlyList<string>>? _expectedFields;

    private Dictionary<string, IReadOnlyList<string>> BuildExpectedFields()
    {
        var byKind = Model.Kinds.GroupBy(k => k.Kind).ToDictionary(g => g.Key, g => g.SelectMany(k => k.Fields).ToHashSet(StringComparer.Ordinal));
        var kindOnly = byKind.Values.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        var expected = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { [""] = OutputFields.Where(f => !kindOnly.Contains(f)).ToList() };
        foreach (var (kind, fields) in byKind) expected[kind] = OutputFields.Where(f => !kindOnly.Contains(f) || fields.Contains(f)).ToList();
        return expected;
    }
}
