using System.Collections.Immutable;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;
using RulesEngine.Matching;

namespace RulesEngine.Language.Compilation;

/// <summary>The outcome of compiling a rule pack: a program when there were no errors, and every diagnostic either way.</summary>
public sealed record Compilation(RuleProgram? Program, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyDictionary<string, string> Sources)
{
    public bool Succeeded => Program is not null;

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>The rule model read, even when it has errors (an editor still names what it declares).</summary>
    public RuleSet Rules { get; init; } = new([]);

    /// <summary>All diagnostics as a compiler prints them: the line, the source line and a caret.</summary>
    public string Format() => string.Concat(Diagnostics.Select(d => DiagnosticFormatter.Format(d, file => Sources.GetValueOrDefault(file))));
}

/// <summary>Rule files -> model -> checks -> matching program.</summary>
public static class RuleCompiler
{
    /// <param name="openText">Unsaved text of files open in an editor, by full path (the language server's); null for the files on disk.</param>
    public static Compilation CompileFolder(string folder, Func<string, string?>? openText = null)
    {
        var diagnostics = new List<Diagnostic>();
        var (rules, sources) = RuleSetLoader.LoadFolder(folder, diagnostics, openText);
        return Compile(rules, sources, diagnostics);
    }

    public static Compilation CompileText(string name, string text)
    {
        var diagnostics = new List<Diagnostic>();
        var (rules, sources) = RuleSetLoader.LoadText(name, text, diagnostics);
        return Compile(rules, sources, diagnostics);
    }

    private static Compilation Compile(RuleSet rules, IReadOnlyDictionary<string, string> sources, List<Diagnostic> diagnostics)
    {
        var symbols = SymbolTable.Build(rules, diagnostics);
        RuleValidator.Validate(rules, symbols, diagnostics);
        var sorted = OneErrorPerCause(diagnostics.Distinct())
            .OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal).ToImmutableArray();
        if (sorted.Any(d => d.IsError)) return new Compilation(null, sorted, sources) { Rules = rules };
        return new Compilation(BuildProgram(rules, symbols, sources), sorted, sources) { Rules = rules };
    }

    /// <summary>
    /// A file that does not parse has no trustworthy model: its names, types and patterns would
    /// only produce errors caused by the syntax error. So when there are syntax errors, they are
    /// reported alone (with the errors of reading and importing files), the first on each line.
    /// </summary>
    private static IEnumerable<Diagnostic> OneErrorPerCause(IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        if (!all.Any(IsSyntaxError)) return all;
        return all.Where(d => IsSyntaxError(d) || d.Code is DiagnosticCodes.ImportNotFound or DiagnosticCodes.ImportOutsideFolder or DiagnosticCodes.CannotReadRules)
            .GroupBy(d => (d.Location.File, d.Location.Line > 0 ? d.Location.Line : -all.IndexOf(d)))
            .Select(line => line.OrderBy(d => d.Location.Column).First());
    }

    private static bool IsSyntaxError(Diagnostic diagnostic) => diagnostic.IsError && diagnostic.Code.StartsWith("RE1", StringComparison.Ordinal);

    private static RuleProgram BuildProgram(RuleSet rules, SymbolTable symbols, IReadOnlyDictionary<string, string> sources)
    {
        var compiler = new PatternCompiler(symbols);
        foreach (var name in symbols.Annotations.Keys.Order(StringComparer.Ordinal)) compiler.AnnotationId(name);
        var compiled = rules.Rules.Select((rule, order) => CompileRule(rule, order, symbols, compiler)).ToList();
        var phases = symbols.Phases.Select((phase, index) =>
            new CompiledPhase(phase.Name, phase.Mode, [.. compiled.Where(r => r.Phase == index)])).ToImmutableArray();
        return new RuleProgram(phases, [.. compiler.Tests], [.. compiler.Lexicons], [.. compiler.Lookarounds],
            [.. compiler.AnnotationNames], rules, sources);
    }

    private static CompiledRule CompileRule(RuleDecl rule, int order, SymbolTable symbols, PatternCompiler compiler)
    {
        var (program, captures) = compiler.Compile(rule.Pattern!);
        var scopes = rule.Scopes.Select(scope => new CompiledScope(RuleValidator.ScopeKinds[scope.Kind],
            [.. scope.Conditions.Select(condition => CompileCondition(condition, compiler))])).ToImmutableArray();
        return new CompiledRule(order, rule.Name, rule.Location, symbols.PhaseOf(rule), rule.Priority, program, captures,
            scopes, rule.Emits, rule.Annotate, compiler.FirstSetOf(program), compiler.RequiredWordsOf(program, out var inOrder), inOrder,
            compiler.MaxLengthOf(rule.Pattern!)) { Warning = rule.Warning };
    }

    private static CompiledCondition CompileCondition(ScopeCondition condition, PatternCompiler compiler)
    {
        switch (condition)
        {
            case HeadingCondition heading:
                var (headingProgram, headingCaptures) = compiler.Compile(heading.Pattern);
                return new HeadingMatches(headingProgram, headingCaptures);
            case StartsWithCondition starts:
                var (startProgram, startCaptures) = compiler.Compile(starts.Pattern);
                return new StartsWith(startProgram, startCaptures);
            case AfterCondition after:
                return new AfterHeading(compiler.Compile(after.Pattern).Program);
            case ColumnCondition column:
                return new InColumn(column.Column);
            default:
                throw new InvalidOperationException($"unknown condition {condition.GetType().Name}");
        }
    }
}
