using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;

namespace RulesEngine.Language.Compilation;

/// <summary>Checks of actions: captures bound, functions known, emitted fields and types as the schema declares them.</summary>
internal sealed partial class RuleValidator
{
    private void CheckSchema()
    {
        foreach (var record in _symbols.Records.Values)
        foreach (var field in record.Fields)
        {
            if (!ValueType.Scalars.Contains(field.Type.Name) && !_symbols.Records.ContainsKey(field.Type.Name))
                Error(DiagnosticCodes.UnknownType, field.Type.Location, $"unknown type '{field.Type.Name}' (types: text, int, number, date, bool, or a record name)",
                    NameSuggester.Nearest(field.Type.Name, ValueType.Scalars.Concat(_symbols.Records.Keys)));
        }
    }

    /// <summary>A kind declaration names fields of the output schema, which must have the `kind` field it depends on; each kind is declared once.</summary>
    private void CheckKinds()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        _symbols.Records.TryGetValue("output", out var output);
        foreach (var kind in _rules.Kinds)
        {
            if (!seen.Add(kind.Kind))
                Error(DiagnosticCodes.DuplicateName, kind.Location, $"kind \"{kind.Kind}\" is declared twice; list its fields once");
            if (output is null) continue;
            if (output.Fields.All(f => f.Name != "kind"))
                Error(DiagnosticCodes.UnknownField, kind.Location, $"{SchemaPlace(output)} has no field 'kind'; add `kind: text` there for letters to have a kind");
            foreach (var field in kind.Fields.Where(f => output.Fields.All(o => o.Name != f)))
                Error(DiagnosticCodes.UnknownField, kind.Location, $"{SchemaPlace(output)} has no field '{field}' for kind \"{kind.Kind}\" to expect",
                    NameSuggester.Nearest(field, output.Fields.Select(f => f.Name)));
        }
    }

    private void CheckEmit(EmitAction emit, Dictionary<string, ValueType> bound)
    {
        var valueType = TypeOf(emit.Value, bound, report: true);
        if (_symbols.Output is null) return;
        var target = ResolveTarget(emit);
        if (target is null) return;
        CheckAssignable(target, emit.Value, valueType, bound, emit.TargetText, emit.Value.Location);
    }

    /// <summary>Where a record of the schema is declared, so that a message about a missing field says where to add it.</summary>
    private static string SchemaPlace(RecordDecl record) =>
        (record.Name == "output" ? "the output schema" : $"record {record.Name}") + $" ({record.Location})";

    private ValueType? ResolveTarget(EmitAction emit)
    {
        var current = new ValueType("output");
        foreach (var step in emit.Target)
        {
            if (current.IsList || !_symbols.Records.TryGetValue(current.Name, out var record))
            {
                Error(DiagnosticCodes.UnknownField, emit.Location, $"'{step.Name}' cannot be set inside a value of type {current}");
                return null;
            }
            var field = record.Fields.FirstOrDefault(f => f.Name == step.Name);
            if (field is null)
            {
                Error(DiagnosticCodes.UnknownField, emit.Location, $"{SchemaPlace(record)} has no field '{step.Name}'; add it there to emit it",
                    NameSuggester.Nearest(step.Name, record.Fields.Select(f => f.Name)));
                return null;
            }
            current = new ValueType(field.Type.Name, field.Type.IsList);
            if (step.Append)
            {
                if (!current.IsList)
                {
                    Error(DiagnosticCodes.WrongType, emit.Location, $"'{step.Name}[]' appends to a list, but '{step.Name}' is declared as {current}");
                    return null;
                }
                current = current.Element;
            }
        }
        return current;
    }

    private void CheckAssignable(ValueType target, Expr value, ValueType valueType, Dictionary<string, ValueType> bound, string where, SourceLocation location)
    {
        // A field of an unknown type is reported once, at its declaration, not again at every value written to it.
        if (!ValueType.Scalars.Contains(target.Name) && !_symbols.Records.ContainsKey(target.Name)) return;
        if (value is ObjectExpr obj && !target.IsList && _symbols.Records.TryGetValue(target.Name, out var record))
        {
            foreach (var field in obj.Fields)
            {
                var declared = record.Fields.FirstOrDefault(f => f.Name == field.Name);
                if (declared is null)
                {
                    Error(DiagnosticCodes.UnknownField, field.Location, $"{SchemaPlace(record)} has no field '{field.Name}'; add it there to emit it",
                        NameSuggester.Nearest(field.Name, record.Fields.Select(f => f.Name)));
                    continue;
                }
                var fieldTarget = new ValueType(declared.Type.Name, declared.Type.IsList);
                CheckAssignable(fieldTarget, field.Value, TypeOf(field.Value, bound, report: false), bound, $"{where}.{field.Name}", field.Value.Location);
            }
            return;
        }
        if (!target.Accepts(valueType))
            Error(DiagnosticCodes.WrongType, location, $"'{where}' is declared as {target}, but this value is {valueType}");
    }

    private ValueType TypeOf(Expr expr, Dictionary<string, ValueType> bound, bool report)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                return literal.Value switch
                {
                    string => ValueType.Text,
                    long => ValueType.Int,
                    decimal => ValueType.Number,
                    bool => ValueType.Bool,
                    _ => ValueType.Any,
                };
            case CaptureExpr capture:
                if (bound.TryGetValue(capture.Name, out var type)) return type;
                if (report)
                    Error(DiagnosticCodes.UnboundCapture, capture.Location, $"'{capture.Name}' is used but never captured (write '-> {capture.Name}' after a pattern element)",
                        NameSuggester.Nearest(capture.Name, bound.Keys));
                return ValueType.Any;
            case CallExpr call:
                var argumentTypes = call.Arguments.Select(a => TypeOf(a, bound, report)).ToList();
                if (!Functions.All.TryGetValue(call.Function, out var signature))
                {
                    if (report)
                        Error(DiagnosticCodes.UnknownFunction, call.Location, $"unknown function '{call.Function}' (functions: {string.Join(", ", Functions.All.Keys)})",
                            NameSuggester.Nearest(call.Function, Functions.All.Keys));
                    return ValueType.Any;
                }
                if (call.Arguments.Length != signature.Arity)
                {
                    if (report) Error(DiagnosticCodes.BadArguments, call.Location, $"'{call.Function}' takes {signature.Arity} argument(s), not {call.Arguments.Length}");
                    return ValueType.Parse(signature.ResultType);
                }
                if (report && call.Arguments.Any(a => a is not CaptureExpr))
                    Error(DiagnosticCodes.BadArguments, call.Location, $"'{call.Function}' converts a capture: pass it a captured name");
                // A part of a lexicon entry's record (`value(c).code`) has whatever type the entries give it.
                if (call.Members.Length > 0) return ValueType.Any;
                return signature.Name == "value" ? argumentTypes[0] : ValueType.Parse(signature.ResultType);
            case ObjectExpr obj:
                foreach (var field in obj.Fields) TypeOf(field.Value, bound, report);
                return ValueType.Object;
            case ListExpr list:
                var items = list.Items.Select(i => TypeOf(i, bound, report)).Distinct().ToList();
                return items.Count == 1 ? items[0].AsList : ValueType.Any.AsList;
            default:
                return ValueType.Any;
        }
    }

    /// <summary>
    /// In a phase where only one match may win, two rules of equal priority writing the same
    /// thing from the same first word are decided by file order alone: say so, so a writer
    /// can make the choice explicit with a priority.
    /// </summary>
    /// <summary>
    /// Two rules of a phase that settles conflicts (`longest`, `first`) with the same priority, that
    /// write the same field and can start on the same word, are decided by their order alone: a
    /// warning. Each rule's fields and first words are worked out once, so thirty rules sharing a
    /// lexicon of 100,000 entries cost thirty look-ups of it, not one per pair.
    /// </summary>
    private void CheckTies()
    {
        var competing = _rules.Rules
            .Where(r => r.Pattern is not null && !_unbudgeted.Contains(r) && _symbols.Phases[_symbols.PhaseOf(r)].Mode != ConflictMode.All)
            .GroupBy(r => (_symbols.PhaseOf(r), r.Priority));
        foreach (var group in competing)
        {
            var rules = group.Select(rule => (Rule: rule, Fields: FieldsWritten(rule), First: FirstWords(rule.Pattern!))).ToList();
            for (var i = 0; i < rules.Count; i++)
            for (var j = i + 1; j < rules.Count; j++)
            {
                if (!SameField(rules[i].Fields, rules[j].Fields)) continue;
                if (rules[i].First is { } first && rules[j].First is { } second && !Overlap(first, second)) continue;
                Warning(DiagnosticCodes.PossibleTie, rules[j].Rule.Location,
                    $"rules '{rules[i].Rule.Name}' and '{rules[j].Rule.Name}' can match the same text with priority {rules[j].Rule.Priority} in phase '{_symbols.Phases[group.Key.Item1].Name}'; " +
                    "only their order decides which wins: give one a higher priority");
            }
        }
    }

    /// <summary>
    /// The field paths a rule writes, as the record has them: `emit rating { grade: g }` and
    /// `emit rating.grade = g` both write `rating.grade`; an annotation is `@Name`.
    /// </summary>
    private static List<string> FieldsWritten(RuleDecl rule)
    {
        var fields = new List<string>();
        foreach (var emit in rule.Emits)
            AddLeaves(string.Join('.', emit.Target.Select(step => step.Name)), emit.Value, fields);
        if (rule.Annotate is { } annotate) fields.Add("@" + annotate.Name);
        return fields;
    }

    private static void AddLeaves(string path, Expr value, List<string> fields)
    {
        if (value is ObjectExpr { Fields.Length: > 0 } obj)
            foreach (var field in obj.Fields) AddLeaves(path + "." + field.Name, field.Value, fields);
        else fields.Add(path);
    }

    /// <summary>Whether two rules write a common field: the same path, or one inside the other (`rating` holds `rating.grade`).</summary>
    private static bool SameField(List<string> first, List<string> second) =>
        first.Any(a => second.Any(b => Output.ValuePaths.Covers(a, b) || Output.ValuePaths.Covers(b, a)));

    private static bool Overlap(HashSet<string> first, HashSet<string> second)
    {
        if (ReferenceEquals(first, second)) return first.Count > 0;
        var (small, large) = first.Count <= second.Count ? (first, second) : (second, first);
        foreach (var word in small)
            if (large.Contains(word)) return true;
        return false;
    }

    /// <summary>The words a pattern can start with, or null when it can start with any token; a set the caller must not change.</summary>
    private HashSet<string>? FirstWords(Pattern pattern)
    {
        switch (pattern)
        {
            case LiteralPattern l:
                var tokens = PatternAnalysis.Tokenise(l.Text);
                return tokens.Count > 0 ? [tokens[0].Norm] : [];
            case ReferencePattern r when _symbols.Lexicons.TryGetValue(r.Name, out var lexicon):
                return _symbols.PhrasesOf(lexicon).FirstWords;
            case ReferencePattern r when _symbols.Patterns.TryGetValue(r.Name, out var named):
                return FirstWords(named.Pattern);
            case CapturePattern c:
                return FirstWords(c.Inner);
            case AlternationPattern a:
                var union = new HashSet<string>();
                foreach (var alternative in a.Alternatives)
                {
                    if (FirstWords(alternative) is not { } words) return null;
                    union.UnionWith(words);
                }
                return union;
            case SequencePattern s when s.Items.Length > 0 && _analysis.Length(s.Items[0]).Min > 0:
                return FirstWords(s.Items[0]);
            case RepeatPattern { Min: > 0 } r:
                return FirstWords(r.Inner);
            default:
                return null;
        }
    }
}
