using System.Text.RegularExpressions;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;
using RulesEngine.Matching;

namespace RulesEngine.Language.Compilation;

/// <summary>
/// Every check on a rule pack's meaning, in one place: names, phases, scopes, patterns,
/// captures, actions against the output schema, and examples. All problems are reported;
/// none stops the others from being found.
/// </summary>
internal sealed partial class RuleValidator
{
    public static readonly IReadOnlyDictionary<string, ScopeKind> ScopeKinds = new Dictionary<string, ScopeKind>(StringComparer.Ordinal)
    {
        ["document"] = ScopeKind.Document,
        ["head"] = ScopeKind.Head,
        ["closing"] = ScopeKind.Closing,
        ["section"] = ScopeKind.Section,
        ["heading"] = ScopeKind.Heading,
        ["paragraph"] = ScopeKind.Paragraph,
        ["sentence"] = ScopeKind.Sentence,
        ["table"] = ScopeKind.Table,
        ["row"] = ScopeKind.Row,
        ["cell"] = ScopeKind.Cell,
        ["item"] = ScopeKind.Item,
        ["line"] = ScopeKind.Line,
    };

    /// <summary>Repetition counts above this would make programs huge; `*` and `+` are the way to say "many".</summary>
    public const int MaxRepeatCount = 50;

    private readonly RuleSet _rules;
    private readonly SymbolTable _symbols;
    private readonly PatternAnalysis _analysis;
    private readonly List<Diagnostic> _diagnostics;
    private readonly HashSet<string> _usedLexicons = new(StringComparer.Ordinal);
    private PatternBudget _budget = null!;

    private RuleValidator(RuleSet rules, SymbolTable symbols, List<Diagnostic> diagnostics)
    {
        _rules = rules;
        _symbols = symbols;
        _analysis = new PatternAnalysis(symbols);
        _diagnostics = diagnostics;
    }

    public static void Validate(RuleSet rules, SymbolTable symbols, List<Diagnostic> diagnostics)
    {
        var validator = new RuleValidator(rules, symbols, diagnostics);
        validator.CollectAnnotations();
        validator.CheckSchema();
        validator.CheckKinds();
        validator._budget = new PatternBudget(symbols, diagnostics);
        foreach (var rule in rules.Rules) validator.CheckRule(rule);
        foreach (var example in rules.Examples) validator.CheckExample(example);
        validator.CheckTies();
        validator.CheckUnusedLexicons();
        validator.CheckRulesHaveExamples();
    }

    /// <summary>
    /// A rule no example shows is one `test` cannot check and an expert cannot read by example: a
    /// warning, so that `check` says it and the project's own suite (which holds the pack to no
    /// warnings) agrees. A `todo` example counts: it documents a known gap.
    /// </summary>
    private void CheckRulesHaveExamples()
    {
        // While the files have errors, those come first: a missing example is no news then.
        if (_diagnostics.Any(d => d.IsError)) return;
        var shown = _rules.Examples.Select(e => e.RuleName).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in _rules.Rules.Where(r => !shown.Contains(r.Name)))
            Warning(DiagnosticCodes.RuleWithoutExample, rule.Location,
                $"rule '{rule.Name}' has no example; add one after it: example {rule.Name} \"a sentence it should match\" expect <field> = <value>");
    }

    private void Error(string code, SourceLocation location, string message, string? suggestion = null) =>
        _diagnostics.Add(new Diagnostic(code, Severity.Error, location, message, suggestion));

    private void Warning(string code, SourceLocation location, string message) =>
        _diagnostics.Add(new Diagnostic(code, Severity.Warning, location, message));

    private void CollectAnnotations()
    {
        foreach (var rule in _rules.Rules.Where(r => r.Annotate is not null))
        {
            var phase = _symbols.PhaseOf(rule);
            var bound = BoundCaptures(rule);
            var type = rule.Annotate!.Value is { } value ? TypeOf(value, bound, report: false) : ValueType.Text;
            if (_symbols.Annotations.TryGetValue(rule.Annotate.Name, out var existing))
            {
                var merged = existing.Type == type ? type : ValueType.Any;
                _symbols.Annotations[rule.Annotate.Name] = (Math.Min(existing.Phase, phase), merged);
            }
            else _symbols.Annotations[rule.Annotate.Name] = (phase, type);
        }
    }

    private void CheckRule(RuleDecl rule)
    {
        if (rule.Phase is { } phase && !_symbols.PhaseIndex.ContainsKey(phase))
            Error(DiagnosticCodes.UnknownPhase, rule.PhaseLocation ?? rule.Location, $"rule '{rule.Name}' names unknown phase '{phase}'",
                NameSuggester.Nearest(phase, _symbols.PhaseIndex.Keys));
        var phaseIndex = _symbols.PhaseOf(rule);
        if (!WithinBudget(rule)) return;
        foreach (var scope in rule.Scopes) CheckScope(scope, phaseIndex);
        // A rule whose text had a syntax error is partial: missing parts would only repeat that error.
        if (rule.Pattern is null)
        {
            if (!rule.HasSyntaxErrors) Error(DiagnosticCodes.RuleWithoutPattern, rule.Location, $"rule '{rule.Name}' has no 'match' clause");
        }
        else
        {
            CheckPattern(rule.Pattern, phaseIndex, insideLookaround: false);
            if (_analysis.Length(rule.Pattern).Min == 0)
                Error(DiagnosticCodes.MatchesEmpty, rule.Pattern.Location, $"the pattern of rule '{rule.Name}' can match no tokens at all; it would match everywhere");
        }
        if (rule.Emits.IsEmpty && rule.Annotate is null && rule.Warning is null && !rule.HasSyntaxErrors)
            Error(DiagnosticCodes.RuleWithoutAction, rule.Location, $"rule '{rule.Name}' neither emits, annotates nor warns");
        var bound = BoundCaptures(rule);
        foreach (var emit in rule.Emits) CheckEmit(emit, bound);
        if (rule.Annotate?.Value is { } annotation) TypeOf(annotation, bound, report: true);
    }

    /// <summary>
    /// Whether every pattern of a rule (its match and its scopes' conditions) can be compiled: no
    /// named pattern it uses is broken (that is reported where the pattern is declared) and none
    /// is over the budget. A rule that fails is checked no further: every other check walks the
    /// patterns it would expand.
    /// </summary>
    private bool WithinBudget(RuleDecl rule)
    {
        var patterns = rule.Scopes.SelectMany(s => s.Conditions).Select(c => c switch
        {
            HeadingCondition h => h.Pattern,
            StartsWithCondition s => s.Pattern,
            AfterCondition a => a.Pattern,
            _ => null,
        }).Append(rule.Pattern).OfType<Pattern>().ToList();
        var fine = true;
        foreach (var pattern in patterns)
        {
            if (_budget.UsesUnusable(pattern)) fine = false;
            else if (_budget.Problem(pattern) is { } problem)
            {
                _diagnostics.Add(problem);
                fine = false;
            }
        }
        if (!fine) _unbudgeted.Add(rule);
        return fine;
    }

    private readonly HashSet<RuleDecl> _unbudgeted = [];
    private readonly HashSet<(string Name, int Phase, bool InsideLookaround)> _checkedNamed = [];

    private Dictionary<string, ValueType> BoundCaptures(RuleDecl rule)
    {
        var bound = new Dictionary<string, ValueType>(StringComparer.Ordinal);
        foreach (var condition in rule.Scopes.SelectMany(s => s.Conditions))
        {
            if (condition is HeadingCondition h) _analysis.Captures(h.Pattern, bound);
            if (condition is StartsWithCondition s) _analysis.Captures(s.Pattern, bound);
        }
        if (rule.Pattern is not null) _analysis.Captures(rule.Pattern, bound);
        return bound;
    }

    private void CheckScope(ScopeDecl scope, int phase)
    {
        if (!ScopeKinds.TryGetValue(scope.Kind, out var kind))
        {
            Error(DiagnosticCodes.UnknownScope, scope.Location, $"unknown scope '{scope.Kind}' (scopes: {string.Join(", ", ScopeKinds.Keys)})",
                NameSuggester.Nearest(scope.Kind, ScopeKinds.Keys));
            return;
        }
        foreach (var condition in scope.Conditions)
        {
            switch (condition)
            {
                case HeadingCondition h when kind != ScopeKind.Section:
                    Error(DiagnosticCodes.UnknownScope, h.Location, $"only a section has a heading; use 'starts with' for a {scope.Kind}");
                    break;
                case HeadingCondition h:
                    CheckPattern(h.Pattern, phase, insideLookaround: false);
                    break;
                case StartsWithCondition s:
                    CheckPattern(s.Pattern, phase, insideLookaround: false);
                    break;
                case AfterCondition a when kind != ScopeKind.Section:
                    Error(DiagnosticCodes.UnknownScope, a.Location, $"only a section comes after a heading, not a {scope.Kind}");
                    break;
                case AfterCondition a:
                    CheckPattern(a.Pattern, phase, insideLookaround: false);
                    break;
                case ColumnCondition c when kind != ScopeKind.Cell:
                    Error(DiagnosticCodes.UnknownScope, c.Location, $"only a cell has a column, not a {scope.Kind}");
                    break;
                case ColumnCondition { Column: < 1 } c:
                    Error(DiagnosticCodes.BadRepetition, c.Location, "columns are numbered from 1");
                    break;
            }
        }
    }

    private void CheckPattern(Pattern pattern, int phase, bool insideLookaround)
    {
        switch (pattern)
        {
            case LiteralPattern literal when PatternAnalysis.Tokenise(literal.Text).Count == 0:
                Error(DiagnosticCodes.MatchesEmpty, literal.Location, "this literal has no words in it, so it can match nothing");
                break;
            case ReferencePattern reference when _symbols.Patterns.TryGetValue(reference.Name, out var named):
                // A named pattern is checked where a rule uses it, in that rule's phase and place (a
                // bad regex in one crashed the compiler), once for each phase and place it is used in.
                if (_checkedNamed.Add((reference.Name, phase, insideLookaround))) CheckPattern(named.Pattern, phase, insideLookaround);
                break;
            case ReferencePattern reference:
                if (_symbols.Lexicons.ContainsKey(reference.Name)) _usedLexicons.Add(reference.Name);
                else if (!ClassTest.Names.ContainsKey(reference.Name))
                {
                    var known = _symbols.Lexicons.Keys.Concat(_symbols.Patterns.Keys).Concat(ClassTest.Names.Keys);
                    Error(DiagnosticCodes.UnknownName, reference.Location, $"unknown lexicon, pattern or token class '{reference.Name}'",
                        NameSuggester.Nearest(reference.Name, known));
                }
                break;
            case AnnotationPattern annotation:
                if (!_symbols.Annotations.TryGetValue(annotation.Name, out var made))
                    Error(DiagnosticCodes.UnknownAnnotation, annotation.Location, $"no rule annotates '@{annotation.Name}'",
                        NameSuggester.Nearest(annotation.Name, _symbols.Annotations.Keys));
                else if (made.Phase >= phase)
                    Error(DiagnosticCodes.AnnotationNotYetMade, annotation.Location,
                        $"'@{annotation.Name}' is made in phase '{_symbols.Phases[made.Phase].Name}', which does not run before this rule's phase '{_symbols.Phases[phase].Name}'");
                break;
            case RegexPattern regex:
                // Pointed at the character inside the regex, past its opening slash, when it sits on one line.
                if (RegexCheck.Problem(regex.Source) is var (offset, message))
                    Error(DiagnosticCodes.BadRegex, regex.Source.Contains('\n') ? regex.Location : regex.Location with { Column = regex.Location.Column + 1 + offset, Length = 1 }, message);
                break;
            case SequencePattern sequence:
                foreach (var item in sequence.Items) CheckPattern(item, phase, insideLookaround);
                break;
            case AlternationPattern alternation:
                foreach (var alternative in alternation.Alternatives) CheckPattern(alternative, phase, insideLookaround);
                break;
            case RepeatPattern repeat:
                CheckRepeat(repeat, phase, insideLookaround);
                break;
            case NegationPattern negation:
                CheckPattern(negation.Inner, phase, insideLookaround);
                if (!_analysis.IsSingleTokenTest(negation.Inner))
                    Error(DiagnosticCodes.BadRepetition, negation.Location, "'!' negates a test of one token (a word, a class, a regex or a lexicon of single words); use 'not followed by (...)' for longer patterns");
                break;
            case GapPattern { Max: < 1 } gap:
                Error(DiagnosticCodes.BadRepetition, gap.Location, "a gap must allow at least one token");
                break;
            case GapPattern { Max: > PatternBudget.MaxGap } gap:
                Error(DiagnosticCodes.BadRepetition, gap.Location, $"a gap allows at most {PatternBudget.MaxGap} tokens (a match covers at most 256); write '... up to {PatternBudget.MaxGap}' or less");
                break;
            case LookaroundPattern look:
                CheckPattern(look.Inner, phase, insideLookaround: true);
                if (_analysis.Length(look.Inner).Max is null)
                    Error(DiagnosticCodes.UnboundedLookaround, look.Location, "a lookaround must have a bounded length: use '{m,n}' or '... up to n' instead of '*' or '+'");
                break;
            case CapturePattern capture:
                // A lookaround is tried apart from the match and keeps nothing of what it saw; its
                // capture would silently be empty, so it is refused where it is written.
                if (insideLookaround)
                    Error(DiagnosticCodes.CaptureInLookaround, capture.Location,
                        $"'-> {capture.Name}' is inside a lookaround, which looks without matching, so it would capture nothing; capture the tokens in the match itself");
                CheckPattern(capture.Inner, phase, insideLookaround);
                break;
        }
    }

    private void CheckRepeat(RepeatPattern repeat, int phase, bool insideLookaround)
    {
        CheckPattern(repeat.Inner, phase, insideLookaround);
        if (repeat.Max is { } max && max < repeat.Min)
            Error(DiagnosticCodes.BadRepetition, repeat.Location, $"repetition {{{repeat.Min},{max}}} has its maximum below its minimum");
        if (repeat.Min > MaxRepeatCount || repeat.Max > MaxRepeatCount)
            Error(DiagnosticCodes.BadRepetition, repeat.Location, $"repetition counts are limited to {MaxRepeatCount}; use '+' or '*' for more");
        if (repeat.Max is null or > 1 && _analysis.Length(repeat.Inner).Min == 0)
            Error(DiagnosticCodes.MatchesEmpty, repeat.Location, "the repeated part can match no tokens, so the repetition could loop forever; make the inner part consume at least one token");
    }

    private void CheckExample(ExampleDecl example)
    {
        if (!_symbols.Rules.ContainsKey(example.RuleName))
            Error(DiagnosticCodes.UnknownRuleInExample, example.Location, $"example for unknown rule '{example.RuleName}'",
                NameSuggester.Nearest(example.RuleName, _symbols.Rules.Keys));
        if (example.Expectations.IsEmpty)
            Error(DiagnosticCodes.RuleWithoutAction, example.Location, "an example needs at least one 'expect' (a value, or 'expect none')");
        if (_symbols.Rules.TryGetValue(example.RuleName, out var rule))
            foreach (var expectation in example.Expectations.OfType<ExpectValue>()) CheckExpectedField(rule, expectation);
    }

    /// <summary>
    /// An example compares only its rule's values, so an `expect` must name a field the schema has
    /// and the rule writes: otherwise it can only fail, and `check` says so before `test` does.
    /// </summary>
    private void CheckExpectedField(RuleDecl rule, ExpectValue expectation)
    {
        var shape = Output.SchemaPaths.Shape(expectation.PathText);
        var schema = _schemaPaths ??= Output.SchemaPaths.All(_rules);
        if (schema.Count > 0 && !schema.Contains(shape))
        {
            Error(DiagnosticCodes.UnknownField, expectation.Location, $"expect names '{expectation.PathText}', which the output schema does not have",
                NameSuggester.Nearest(shape, schema));
            return;
        }
        var written = rule.Emits.Select(e => e.TargetText).ToList();
        if (written.Count == 0 || written.Any(target => Output.ValuePaths.Covers(target, shape) || Output.ValuePaths.Covers(shape, target))) return;
        Error(DiagnosticCodes.UnknownField, expectation.Location,
            $"expect names '{expectation.PathText}', which rule '{rule.Name}' never writes (it writes {string.Join(", ", written.Distinct().Select(w => $"'{w}'"))})",
            NameSuggester.Nearest(shape, written));
    }

    private IReadOnlyList<string>? _schemaPaths;

    private void CheckUnusedLexicons()
    {
        foreach (var pattern in _rules.Patterns) CollectLexicons(pattern.Pattern);
        // A lexicon an unknown name was meant to be (the suggestion of an RE2001) is used once that is fixed: one cause, one message.
        var meant = _diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownName && d.Suggestion is not null).Select(d => d.Suggestion!).ToHashSet(StringComparer.Ordinal);
        foreach (var lexicon in _symbols.Lexicons.Values.Where(l => !_usedLexicons.Contains(l.Name) && !meant.Contains(l.Name)))
            Warning(DiagnosticCodes.UnusedLexicon, lexicon.Location, $"lexicon '{lexicon.Name}' is never used");
    }

    private void CollectLexicons(Pattern pattern)
    {
        switch (pattern)
        {
            case ReferencePattern r when _symbols.Lexicons.ContainsKey(r.Name): _usedLexicons.Add(r.Name); break;
            case SequencePattern s: foreach (var i in s.Items) CollectLexicons(i); break;
            case AlternationPattern a: foreach (var i in a.Alternatives) CollectLexicons(i); break;
            case RepeatPattern r: CollectLexicons(r.Inner); break;
            case NegationPattern n: CollectLexicons(n.Inner); break;
            case LookaroundPattern l: CollectLexicons(l.Inner); break;
            case CapturePattern c: CollectLexicons(c.Inner); break;
        }
    }
}
