using System.Globalization;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;

namespace RulesEngine.Language.Compilation;

/// <summary>
/// The bounds on what a pattern compiles to, measured before anything expands it: how many VM
/// instructions it becomes (repetitions and named patterns multiply) and how deeply it nests
/// (groups, repetitions, lookarounds, captures, named patterns inside named patterns). Without
/// them a few lines (`pattern p1 = p0 p0` thirty times, `(("a"{50}){50}){50}`) ask for billions of
/// instructions and the compiler runs out of memory instead of saying so.
/// </summary>
/// <remarks>
/// Named patterns are measured once each, in an order where a pattern comes after those it names
/// (found without recursion), so a chain of 100,000 patterns or one that doubles thirty times
/// costs a step per pattern; recursion over one pattern's own tree is bounded by the parser's
/// limit on brackets. The same walk finds patterns that refer to themselves.
/// </remarks>
internal sealed class PatternBudget
{
    /// <summary>The most instructions one rule's pattern (with its lookarounds) may compile to.</summary>
    public const long MaxInstructions = 100_000;

    /// <summary>The deepest a pattern may nest, counting the named patterns it uses.</summary>
    public const int MaxDepth = 200;

    /// <summary>The longest gap: a match covers at most 256 tokens, so a longer one could never be used.</summary>
    public const int MaxGap = 255;

    // Sizes are added and multiplied saturating here, far past any limit but clear of overflow.
    private const long Saturated = 1L << 50;

    private readonly SymbolTable _symbols;
    private readonly Dictionary<string, (long Size, int Depth)> _named = new(StringComparer.Ordinal);

    /// <summary>Named patterns that refer to themselves, directly or through others.</summary>
    public HashSet<string> Recursive { get; } = new(StringComparer.Ordinal);

    /// <summary>Named patterns that cannot be compiled: recursive, too large or too deep, or using one that is.</summary>
    public HashSet<string> Unusable { get; } = new(StringComparer.Ordinal);

    public PatternBudget(SymbolTable symbols, List<Diagnostic> diagnostics)
    {
        _symbols = symbols;
        foreach (var name in InDependencyOrder())
        {
            var declared = symbols.Patterns[name];
            if (Recursive.Contains(name))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.RecursivePattern, Severity.Error, declared.Location,
                    $"pattern '{name}' refers to itself; patterns cannot be recursive"));
                Unusable.Add(name);
                _named[name] = (1, 1);
                continue;
            }
            // One cause, one error: a pattern that uses a broken one is not reported again.
            if (References(declared.Pattern).Any(Unusable.Contains))
            {
                Unusable.Add(name);
                _named[name] = (1, 1);
                continue;
            }
            _named[name] = Measure(declared.Pattern);
            if (Problem(declared.Pattern) is { } problem)
            {
                diagnostics.Add(problem);
                Unusable.Add(name);
            }
        }
    }

    /// <summary>Whether a pattern uses a named pattern that cannot be compiled (its error is reported there).</summary>
    public bool UsesUnusable(Pattern pattern) => References(pattern).Any(Unusable.Contains);

    /// <summary>A pattern's instruction count (saturating) and nesting depth, its named patterns included.</summary>
    public (long Size, int Depth) Measure(Pattern pattern)
    {
        switch (pattern)
        {
            case LiteralPattern literal:
                return (PatternAnalysis.Tokenise(literal.Text).Count, 1);
            case ReferencePattern reference when _named.TryGetValue(reference.Name, out var named):
                return (named.Size, named.Depth + 1);
            case SequencePattern sequence:
                return Combine(sequence.Items, extra: 0);
            case AlternationPattern alternation when alternation.Alternatives.All(PatternAnalysis.IsPlainWord):
                return (1, 2);
            case AlternationPattern alternation:
                return Combine(alternation.Alternatives, extra: 2L * (alternation.Alternatives.Length - 1));
            case RepeatPattern repeat:
                var (inner, depth) = Measure(repeat.Inner);
                // Counts over their own limit are reported as such (RE3006), not as the size they would make.
                var min = Math.Clamp(repeat.Min, 0, RuleValidator.MaxRepeatCount);
                var repeated = repeat.Max is { } max
                    ? Add(Times(min, inner), Times(Math.Clamp(max, min, RuleValidator.MaxRepeatCount) - min, inner + 1))
                    : Add(Times(min, inner), inner + 2);
                return (repeated, depth + 1);
            case GapPattern gap:
                return (2L * Math.Clamp(gap.Max, 0, MaxGap), 1);
            case LookaroundPattern look:
                var (lookSize, lookDepth) = Measure(look.Inner);
                return (Add(lookSize, 2), lookDepth + 1);
            case CapturePattern capture:
                var (captured, captureDepth) = Measure(capture.Inner);
                return (Add(captured, 2), captureDepth + 1);
            case NegationPattern negation:
                return (1, Measure(negation.Inner).Depth + 1);
            default:
                return (1, 1);
        }
    }

    /// <summary>
    /// The error for a pattern over a bound, at the construct that takes it over: the innermost
    /// part whose own parts are each within it (the repetition that multiplies, the named pattern
    /// that doubles), so the rule writer sees where to cut.
    /// </summary>
    public Diagnostic? Problem(Pattern pattern)
    {
        var (size, depth) = Measure(pattern);
        if (depth > MaxDepth)
        {
            var deep = DeepestAt(pattern, MaxDepth);
            return new Diagnostic(DiagnosticCodes.PatternTooLarge, Severity.Error, deep.Location,
                $"this pattern nests more than {MaxDepth} levels deep (groups, repetitions, lookarounds, captures and named patterns inside named patterns); the limit is {MaxDepth}");
        }
        if (size <= MaxInstructions) return null;
        var culprit = pattern;
        while (Children(culprit).FirstOrDefault(child => Measure(child).Size > MaxInstructions) is { } larger) culprit = larger;
        return new Diagnostic(DiagnosticCodes.PatternTooLarge, Severity.Error, culprit.Location,
            $"this pattern expands to {Describe(Measure(culprit).Size)} instructions; the limit is {MaxInstructions:N0}: use '+' or '*' instead of large counts, or fewer copies of a named pattern");
    }

    /// <summary>The node at which a walk down the deepest path uses up <paramref name="allowed"/> levels.</summary>
    private Pattern DeepestAt(Pattern pattern, int allowed)
    {
        var node = pattern;
        for (var level = 1; level < allowed; level++)
        {
            var next = Children(node).MaxBy(child => Measure(child).Depth);
            if (next is null) break;
            node = next;
        }
        return node;
    }

    /// <summary>A pattern's parts within its own tree: named patterns are not entered, they are measured where declared.</summary>
    private static IEnumerable<Pattern> Children(Pattern pattern) => pattern switch
    {
        SequencePattern s => s.Items,
        AlternationPattern a => a.Alternatives,
        RepeatPattern r => [r.Inner],
        LookaroundPattern l => [l.Inner],
        CapturePattern c => [c.Inner],
        NegationPattern n => [n.Inner],
        _ => [],
    };

    private IEnumerable<string> References(Pattern pattern) => pattern switch
    {
        ReferencePattern r when _symbols.Patterns.ContainsKey(r.Name) => [r.Name],
        _ => Children(pattern).SelectMany(References),
    };

    /// <summary>
    /// Every named pattern, each after those it names (Tarjan's strongly connected components,
    /// with an explicit stack: a chain of patterns is as long as the file allows). A component of
    /// more than one pattern, or one naming itself, is recursive.
    /// </summary>
    private List<string> InDependencyOrder()
    {
        var order = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var component = new Stack<string>();
        var references = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var root in _symbols.Patterns.Keys)
        {
            if (index.ContainsKey(root)) continue;
            var work = new Stack<(string Name, int Next)>();
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (name, next) = work.Pop();
                if (next == 0)
                {
                    index[name] = low[name] = index.Count;
                    component.Push(name);
                    onStack.Add(name);
                    references[name] = [.. References(_symbols.Patterns[name].Pattern).Distinct(StringComparer.Ordinal)];
                }
                var names = references[name];
                if (next < names.Count)
                {
                    work.Push((name, next + 1));
                    var target = names[next];
                    if (!index.ContainsKey(target)) work.Push((target, 0));
                    else if (onStack.Contains(target)) low[name] = Math.Min(low[name], index[target]);
                    continue;
                }
                // All of this pattern's names are done: pass its low link to the one that named it.
                foreach (var target in names.Where(onStack.Contains)) low[name] = Math.Min(low[name], low[target]);
                if (low[name] != index[name]) continue;
                var members = new List<string>();
                string member;
                do
                {
                    member = component.Pop();
                    onStack.Remove(member);
                    members.Add(member);
                } while (member != name);
                if (members.Count > 1 || names.Contains(name)) Recursive.UnionWith(members);
                order.AddRange(members);
            }
        }
        return order;
    }

    private (long, int) Combine(IEnumerable<Pattern> parts, long extra)
    {
        long size = extra;
        var depth = 0;
        foreach (var part in parts)
        {
            var (partSize, partDepth) = Measure(part);
            size = Add(size, partSize);
            depth = Math.Max(depth, partDepth);
        }
        return (size, depth + 1);
    }

    private static long Add(long a, long b) => Math.Min(Saturated, a + b);

    private static long Times(long count, long size) => count <= 0 ? 0 : size > Saturated / count ? Saturated : Math.Min(Saturated, count * size);

    /// <summary>"131,072", "2.1 million", "more than a billion".</summary>
    internal static string Describe(long size) => size switch
    {
        < 1_000_000 => size.ToString("N0", CultureInfo.InvariantCulture),
        < 1_000_000_000 => (size / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " million",
        _ => "more than a billion",
    };
}
