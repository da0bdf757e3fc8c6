using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;
using static RulesEngine.Language.Syntax.RuleLanguageParser;

namespace RulesEngine.Language.Syntax;

/// <summary>
/// The only code that sees both the parse tree and the rule model: turns one parsed rule file
/// into a <see cref="RuleFileModel"/>. Nothing here judges meaning; the binder does that.
/// </summary>
internal sealed class AstBuilder(string path, List<Diagnostic> diagnostics)
{
    public RuleFileModel Build(RuleFileContext file)
    {
        var imports = ImmutableArray.CreateBuilder<Import>();
        var lexicons = ImmutableArray.CreateBuilder<Lexicon>();
        var records = ImmutableArray.CreateBuilder<RecordDecl>();
        var phases = ImmutableArray.CreateBuilder<PhaseDecl>();
        var patterns = ImmutableArray.CreateBuilder<PatternDecl>();
        var rules = ImmutableArray.CreateBuilder<RuleDecl>();
        var examples = ImmutableArray.CreateBuilder<ExampleDecl>();
        var kinds = ImmutableArray.CreateBuilder<KindDecl>();
        foreach (var declaration in file.declaration())
        {
            if (declaration.exception is not null) continue;
            try
            {
                if (declaration.kindDecl() is { } kind) kinds.Add(BuildKind(kind));
                else BuildDeclaration(declaration, imports, lexicons, records, phases, patterns, rules, examples);
            }
            catch (NullReferenceException) when (diagnostics.Any(d => d.Code is DiagnosticCodes.SyntaxError or DiagnosticCodes.UnexpectedCharacter))
            {
                // Error recovery left this declaration with missing parts; its syntax error is already reported.
            }
        }
        return new RuleFileModel(path, imports.ToImmutable(), lexicons.ToImmutable(), records.ToImmutable(), phases.ToImmutable(),
            patterns.ToImmutable(), rules.ToImmutable(), examples.ToImmutable()) { Kinds = kinds.ToImmutable() };
    }

    private KindDecl BuildKind(KindDeclContext kind) =>
        new(Unquote(kind.STRING().Symbol), [.. kind.fieldName().Select(f => f.GetText())], At(kind));

    private void BuildDeclaration(DeclarationContext declaration,
        ImmutableArray<Import>.Builder imports, ImmutableArray<Lexicon>.Builder lexicons, ImmutableArray<RecordDecl>.Builder records,
        ImmutableArray<PhaseDecl>.Builder phases, ImmutableArray<PatternDecl>.Builder patterns, ImmutableArray<RuleDecl>.Builder rules,
        ImmutableArray<ExampleDecl>.Builder examples)
    {
            switch (declaration.GetChild(0))
            {
                case ImportDeclContext import when import.STRING() is { } target:
                    imports.Add(new Import(Unquote(target.Symbol), At(import)));
                    break;
                case LexiconDeclContext lexicon when lexicon.name() is { } name:
                    lexicons.Add(new Lexicon(name.GetText(), [.. lexicon.lexiconEntry().Select(BuildEntry)], At(name)));
                    break;
                case RecordDeclContext record when record.name() is { } name:
                    records.Add(new RecordDecl(name.GetText(), BuildFields(record.fieldDecls()), At(name)));
                    break;
                case OutputDeclContext output:
                    records.Add(new RecordDecl("output", BuildFields(output.fieldDecls()), At(output)));
                    break;
                case PhaseDeclContext phase when phase.name() is { } name:
                    phases.Add(new PhaseDecl(name.GetText(), ModeOf(phase.conflictMode()), At(name)));
                    break;
                case PatternDeclContext named when named.name() is { } name && named.pattern() is { } pattern:
                    patterns.Add(new PatternDecl(name.GetText(), BuildPattern(pattern), At(name)));
                    break;
                case RuleDeclContext rule when rule.name() is { } name:
                    rules.Add(BuildRule(rule, name));
                    break;
                case ExampleDeclContext example when example.name() is { } name && example.STRING() is { } text:
                    examples.Add(new ExampleDecl(name.GetText(), Unquote(text.Symbol),
                        [.. example.expectation().Select(BuildExpectation).OfType<Expectation>()], example.TODO() is not null, At(example)));
                    break;
            }
    }

    private LexiconEntry BuildEntry(LexiconEntryContext entry) =>
        new([.. entry.lexiconPhrase().Select(p => p.STRING() is { } s ? Unquote(s.Symbol) : p.GetText())],
            entry.literal() is { } value ? LiteralValue(value) : entry.lexiconRecord() is { } record ? BuildLexiconRecord(record) : null, At(entry));

    private LexiconRecord BuildLexiconRecord(LexiconRecordContext record)
    {
        var fields = ImmutableSortedDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        var names = record.fieldName();
        var values = record.literal();
        for (var i = 0; i < Math.Min(names.Length, values.Length); i++) fields[names[i].GetText()] = LiteralValue(values[i]);
        return new LexiconRecord(fields.ToImmutable());
    }

    private ImmutableArray<FieldDecl> BuildFields(FieldDeclsContext? fields) =>
        fields is null ? [] : [.. fields.fieldDecl().Where(f => f.fieldName() is not null && f.typeRef()?.name() is not null)
            .Select(f => new FieldDecl(f.fieldName().GetText(),
                new TypeRef(f.typeRef().name().GetText(), f.typeRef().LBRACK() is not null, At(f.typeRef())), At(f.fieldName())))];

    private static ConflictMode ModeOf(ConflictModeContext? mode) => mode switch
    {
        null => ConflictMode.All,
        _ when mode.LONGEST() is not null => ConflictMode.Longest,
        _ when mode.FIRST() is not null => ConflictMode.First,
        _ => ConflictMode.All,
    };

    private RuleDecl BuildRule(RuleDeclContext rule, NameContext name)
    {
        string? phase = null;
        SourceLocation? phaseLocation = null;
        var priority = 0;
        Pattern? pattern = null;
        AnnotateAction? annotate = null;
        string? warning = null;
        var scopes = ImmutableArray.CreateBuilder<ScopeDecl>();
        var emits = ImmutableArray.CreateBuilder<EmitAction>();
        foreach (var clause in rule.ruleClause())
        {
            if (clause.exception is not null) continue;
            switch (clause)
            {
                case PhaseClauseContext p when p.name() is { } phaseName:
                    phase = phaseName.GetText();
                    phaseLocation = At(phaseName);
                    break;
                case PriorityClauseContext p when p.INT() is { } priorityValue:
                    priority = ParseInt(priorityValue.Symbol);
                    break;
                case WithinClauseContext w when w.name() is { } kind:
                    scopes.Add(new ScopeDecl(kind.GetText(), [.. w.condition().Select(BuildCondition).OfType<ScopeCondition>()], At(kind)));
                    break;
                case MatchClauseContext m when m.pattern() is { } p:
                    pattern = BuildPattern(p);
                    break;
                case EmitClauseContext e when e.targetPath() is { } target:
                    Expr? value = e.expr() is { } expr ? BuildExpr(expr) : e.objectExpr() is { } obj ? BuildObject(obj) : null;
                    if (value is not null)
                        emits.Add(new EmitAction([.. target.targetStep().Select(s => new TargetStep(s.fieldName().GetText(), s.LBRACK() is not null))], value, At(target)));
                    break;
                case AnnotateClauseContext a when a.ID() is { } id:
                    annotate = new AnnotateAction(id.GetText(), a.expr() is { } v ? BuildExpr(v) : null, At(id.Symbol));
                    break;
                case WarnClauseContext w when w.STRING() is { } message:
                    warning = Unquote(message.Symbol);
                    break;
            }
        }
        return new RuleDecl(name.GetText(), phase, priority, scopes.ToImmutable(), pattern, emits.ToImmutable(), annotate, At(name), phaseLocation,
            HasErrors(rule) || diagnostics.Any(d => d.Code is DiagnosticCodes.SyntaxError or DiagnosticCodes.UnexpectedCharacter && d.Location.Line >= rule.Start.Line && d.Location.Line <= (rule.Stop?.Line ?? rule.Start.Line) + 1))
        { Warning = warning };
    }

    /// <summary>Whether error recovery left this part of the tree incomplete: checks of its meaning would only repeat the syntax error.</summary>
    private static bool HasErrors(IParseTree tree) => tree switch
    {
        ParserRuleContext { exception: not null } => true,
        IErrorNode => true,
        _ => Enumerable.Range(0, tree.ChildCount).Any(i => HasErrors(tree.GetChild(i))),
    };

    private ScopeCondition? BuildCondition(ConditionContext condition) => condition switch
    {
        HeadingConditionContext h when h.pattern() is { } p => new HeadingCondition(BuildPattern(p), At(h)),
        StartsConditionContext s when s.pattern() is { } p => new StartsWithCondition(BuildPattern(p), At(s)),
        ColumnConditionContext c when c.INT() is { } n => new ColumnCondition(ParseInt(n.Symbol), At(c)),
        AfterConditionContext a when a.pattern() is { } p => new AfterCondition(BuildPattern(p), At(a)),
        _ => null,
    };

    private Pattern BuildPattern(PatternContext pattern)
    {
        var alternatives = pattern.alternative().Select(BuildSequence).ToImmutableArray();
        return alternatives.Length == 1 ? alternatives[0] : new AlternationPattern(alternatives, At(pattern));
    }

    private Pattern BuildSequence(AlternativeContext alternative)
    {
        var items = alternative.element().Select(BuildElement).ToImmutableArray();
        return items.Length == 1 ? items[0] : new SequencePattern(items, At(alternative));
    }

    private Pattern BuildElement(ElementContext element)
    {
        if (element is LookaroundElementContext { } look)
        {
            var l = look.lookaround();
            return new LookaroundPattern(l.pattern() is { } p ? BuildPattern(p) : new SequencePattern([], At(l)),
                l.FOLLOWED() is not null, l.NOT() is not null, At(l));
        }
        var atomElement = (AtomElementContext)element;
        var pattern = BuildAtom(atomElement.atom());
        if (atomElement.quantifier() is { } quantifier) pattern = BuildRepeat(pattern, quantifier);
        if (atomElement.name() is { } capture) pattern = new CapturePattern(pattern, capture.GetText(), At(capture));
        return pattern;
    }

    private Pattern BuildRepeat(Pattern inner, QuantifierContext quantifier) => quantifier switch
    {
        OptionalQuantifierContext => new RepeatPattern(inner, 0, 1, At(quantifier)),
        StarQuantifierContext => new RepeatPattern(inner, 0, null, At(quantifier)),
        PlusQuantifierContext => new RepeatPattern(inner, 1, null, At(quantifier)),
        BoundedQuantifierContext b => new RepeatPattern(inner, ParseInt(b.min),
            b.comma is null ? ParseInt(b.min) : b.max is null ? null : ParseInt(b.max), At(quantifier)),
        _ => inner,
    };

    private Pattern BuildAtom(AtomContext? atom) => atom switch
    {
        LiteralAtomContext l => new LiteralPattern(Unquote(l.STRING().Symbol), l.EXACT() is not null, At(l)),
        ReferenceAtomContext r => new ReferencePattern(r.ID().GetText(), At(r)),
        AnnotationAtomContext a => new AnnotationPattern(a.ID()?.GetText() ?? "", At(a)),
        RegexAtomContext r => BuildRegex(r),
        GroupAtomContext g when g.pattern() is { } p => BuildPattern(p),
        NegatedAtomContext n => new NegationPattern(BuildAtom(n.atom()), At(n)),
        GapAtomContext g => new GapPattern(g.INT() is { } max ? ParseInt(max.Symbol) : DefaultGap, At(g)),
        LineStartAtomContext s => new AnchorPattern(Anchor.LineStart, At(s)),
        LineEndAtomContext e => new AnchorPattern(Anchor.LineEnd, At(e)),
        _ => new SequencePattern([], atom is null ? SourceLocation.None : At(atom)),
    };

    /// <summary>A bare `...` skips at most this many tokens: gaps are always bounded.</summary>
    public const int DefaultGap = 5;

    private RegexPattern BuildRegex(RegexAtomContext regex)
    {
        var text = regex.REGEX().GetText();
        var ignoreCase = text.EndsWith('i');
        var body = text[1..(ignoreCase ? text.Length - 2 : text.Length - 1)].Replace("\\/", "/");
        return new RegexPattern(body, ignoreCase, At(regex));
    }

    private ObjectExpr BuildObject(ObjectExprContext obj) =>
        new([.. obj.fieldValue().Where(f => f.fieldName() is not null && f.expr() is not null)
            .Select(f => new FieldExpr(f.fieldName().GetText(), BuildExpr(f.expr()), At(f.fieldName())))], At(obj));

    private Expr BuildExpr(ExprContext expr) => expr switch
    {
        LiteralExprContext l => new LiteralExpr(LiteralValue(l.literal()), At(l)),
        ObjectValueExprContext o => BuildObject(o.objectExpr()),
        ListExprContext l => new ListExpr([.. l.expr().Select(BuildExpr)], At(l)),
        CallExprContext c => new CallExpr(c.name().GetText(), [.. c.expr().Select(BuildExpr)], At(c.name())) { Members = [.. c.fieldName().Select(f => f.GetText())] },
        CaptureExprContext c => new CaptureExpr(c.name().GetText(), At(c)),
        _ => new LiteralExpr("", At(expr)),
    };

    private Expectation? BuildExpectation(ExpectationContext expectation) => expectation switch
    {
        ExpectNoneContext n => new ExpectNothing(At(n)),
        ExpectValueContext v when v.valuePath() is { } path && v.expr() is { } value =>
            new ExpectValue([.. path.valueStep().Select(s => new ValueStep(s.fieldName().GetText(), s.INT() is { } i ? ParseInt(i.Symbol) : null))],
                BuildExpr(value), At(path)),
        ExpectAnnotationContext a when a.ID() is { } id && a.expr() is { } value => new ExpectAnnotation(id.GetText(), BuildExpr(value), At(a)),
        _ => null,
    };

    private object LiteralValue(LiteralContext literal)
    {
        if (literal.STRING() is { } s) return Unquote(s.Symbol);
        if (literal.INT() is { } i) return (long)ParseInt(i.Symbol);
        if (literal.DECIMAL() is { } d) return decimal.Parse(d.GetText(), CultureInfo.InvariantCulture);
        return literal.TRUE() is not null;
    }

    private int ParseInt(IToken token)
    {
        if (int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        diagnostics.Add(new Diagnostic(DiagnosticCodes.SyntaxError, Severity.Error, At(token), $"the number {token.Text} is too large"));
        return 0;
    }

    private string Unquote(IToken token)
    {
        var text = token.Text;
        var triple = text.StartsWith("\"\"\"", StringComparison.Ordinal);
        var body = triple ? Dedent(text[3..^3]) : text[1..^1];
        var builder = new System.Text.StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\' || i + 1 >= body.Length) { builder.Append(body[i]); continue; }
            var escaped = body[++i];
            switch (escaped)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '"' or '\\' or '\'': builder.Append(escaped); break;
                default:
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.BadString, Severity.Error,
                        new SourceLocation(path, token.Line, token.Column + 1, token.Text.Length), $"unknown escape '\\{escaped}' in a string (use \\n, \\t, \\\" or \\\\)"));
                    break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Triple-quoted texts may be indented with the rule file; the common indentation is not part of the text.</summary>
    private static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        if (lines.Count > 1 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        if (lines.Count > 1 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ', '\t').Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    private SourceLocation At(ParserRuleContext context) => LocationOf(context);

    private SourceLocation LocationOf(ParserRuleContext context)
    {
        var start = context.Start;
        var stop = context.Stop ?? start;
        var length = start.Line == stop.Line && stop.StopIndex >= start.StartIndex ? stop.StopIndex - start.StartIndex + 1 : (start.Text?.Length ?? 1);
        return new SourceLocation(path, start.Line, start.Column + 1, Math.Max(1, length));
    }

    private SourceLocation At(IToken token) => new(path, token.Line, token.Column + 1, Math.Max(1, token.Text?.Length ?? 1));

    private SourceLocation At(ITerminalNode node) => At(node.Symbol);
}
