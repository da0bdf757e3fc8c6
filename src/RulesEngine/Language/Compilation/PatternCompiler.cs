using System.Collections.Immutable;
using System.Text.RegularExpressions;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;
using RulesEngine.Matching;

namespace RulesEngine.Language.Compilation;

/// <summary>
/// Compiles validated patterns into flat instruction arrays for the Pike VM. Tests, lexicons,
/// lookarounds and annotation names are interned in tables shared by the whole program.
/// </summary>
internal sealed class PatternCompiler(SymbolTable symbols)
{
    private readonly PatternAnalysis _analysis = new(symbols);
    private readonly Dictionary<TokenTest, int> _testIndex = [];
    private readonly Dictionary<string, int> _lexiconIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _annotationIndex = new(StringComparer.Ordinal);

    public List<TokenTest> Tests { get; } = [];
    public List<LexiconTrie> Lexicons { get; } = [];
    public List<Lookaround> Lookarounds { get; } = [];
    public List<string> AnnotationNames { get; } = [];

    public int AnnotationId(string name)
    {
        if (_annotationIndex.TryGetValue(name, out var id)) return id;
        _annotationIndex[name] = AnnotationNames.Count;
        AnnotationNames.Add(name);
        return AnnotationNames.Count - 1;
    }

    /// <summary>Compiles one pattern; its captures get slots in the order they first appear.</summary>
    public (PatternProgram Program, ImmutableArray<CaptureSlot> Captures) Compile(Pattern pattern)
    {
        var unit = new Unit(this);
        unit.Emit(pattern);
        unit.Code.Add(new Instruction(OpCode.Match));
        unit.Locations.Add(pattern.Location);
        // A split or jump to a jump goes straight to where that jump leads: the VM takes a step
        // for every instruction a thread passes, and the jumps at alternatives' ends were a
        // thirteenth of its steps.
        var code = unit.Code;
        for (var pc = 0; pc < code.Count; pc++)
            code[pc] = code[pc].Op switch
            {
                OpCode.Split => code[pc] with { A = PatternProgram.PastJumps(code, code[pc].A), B = PatternProgram.PastJumps(code, code[pc].B) },
                OpCode.Jump => code[pc] with { A = PatternProgram.PastJumps(code, code[pc].A) },
                _ => code[pc],
            };
        return (new PatternProgram([.. unit.Code], unit.Slots.Count * 2, [.. unit.Locations]), [.. unit.Slots]);
    }

    public FirstSet FirstSetOf(PatternProgram program)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        var annotations = new SortedSet<string>(StringComparer.Ordinal);
        var any = false;
        var empty = false;
        var tests = new SortedSet<int>();
        var consumers = new List<Instruction>();
        var guarded = false;
        var lexicons = new SortedSet<int>();
        // Zero-width instructions lead on to the next; the first consuming ones are the first set.
        Walk(program, [], (_, instruction) =>
        {
            switch (instruction.Op)
            {
                case OpCode.Save: return true;
                case OpCode.LineStart or OpCode.LineEnd or OpCode.Look or OpCode.LookToken: guarded = true; return true;
                case OpCode.Test when Tests[instruction.A].IndexWord is { } word: words.Add(word); break;
                case OpCode.Test: any = true; tests.Add(instruction.A); break;
                case OpCode.Lexicon: lexicons.Add(instruction.A); break;
                case OpCode.Annotation: annotations.Add(AnnotationNames[instruction.A]); break;
                case OpCode.Match: any = true; empty = true; guarded = true; break;
            }
            if (instruction.Op is OpCode.Test or OpCode.Lexicon or OpCode.Annotation) consumers.Add(instruction);
            return false;
        });
        // A rule that starts with one lexicon (a gazetteer of thousands) shares its sorted words.
        ImmutableArray<string> first = words.Count == 0 && lexicons.Count == 1 ? Lexicons[lexicons.Min].SortedFirstWords
            : [.. words.Union(lexicons.SelectMany(id => Lexicons[id].FirstWords)).Order(StringComparer.Ordinal).Distinct()];
        return new FirstSet(first, [.. annotations], any, [.. tests], empty, guarded ? null : [.. consumers]);
    }

    /// <summary>
    /// The word sets a match cannot avoid: the words of a test, word set or lexicon are required
    /// when removing every instruction that consumes exactly those words leaves no path from the
    /// start of the program to its match (so `month` is required in `(number month | month number)`).
    /// </summary>
    /// <remarks>
    /// The sets come in the order every match consumes them when there is one (<paramref name="inOrder"/>):
    /// set A comes before set B when no instruction of B can be reached without passing one of A, so
    /// every match holds a word of A before its first word of B (`is` before `above below` before
    /// `national similar` in `... "is" ("above" | "below") comparator`).
    /// </remarks>
    public ImmutableArray<ImmutableArray<string>> RequiredWordsOf(PatternProgram program, out bool inOrder)
    {
        var consumers = new List<(ImmutableArray<string> Words, List<int> Pcs)>();
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var pc = 0; pc < program.Code.Length; pc++)
        {
            if (WordsConsumedBy(program.Code[pc]) is not { } words) continue;
            // A lexicon is its own key: joining its 100,000 words for every rule that uses it cost seconds.
            var key = program.Code[pc].Op == OpCode.Lexicon ? "\u0002" + program.Code[pc].A : string.Join('\u0001', words);
            if (groups.TryGetValue(key, out var group)) consumers[group].Pcs.Add(pc);
            else
            {
                groups[key] = consumers.Count;
                consumers.Add((words, [pc]));
            }
        }
        // Each set costs a walk of the program, and each pair of required sets another: the required
        // words only narrow where a rule is tried, so a pattern of very many different words (an
        // alternation of thousands of phrases) does without them rather than make `check` slow.
        inOrder = false;
        if (consumers.Count > MaxWordSets) return [];
        var required = consumers.Where(c => !MatchReachableAvoiding(program, c.Pcs)).ToList();
        if (required.Count > MaxOrderedSets) return [.. required.Select(c => c.Words)];
        // In a total order the k-th set is preceded by k others; the order holds when each set
        // precedes the next (preceding is transitive: a path to C passes B, whose path passes A).
        var ordered = required.OrderBy(later => required.Count(earlier => earlier != later && Precedes(program, earlier.Pcs, later.Pcs))).ToList();
        inOrder = ordered.Count > 1 && ordered.Zip(ordered.Skip(1)).All(pair => Precedes(program, pair.First.Pcs, pair.Second.Pcs));
        return [.. (inOrder ? ordered : required).Select(c => c.Words)];
    }

    private const int MaxWordSets = 256;
    private const int MaxOrderedSets = 16;

    /// <summary>Whether every path from the start to an instruction of <paramref name="later"/> passes one of <paramref name="earlier"/>.</summary>
    private static bool Precedes(PatternProgram program, List<int> earlier, List<int> later)
    {
        var reached = false;
        Walk(program, [.. earlier], (pc, _) =>
        {
            reached |= later.Contains(pc);
            return !reached;
        });
        return !reached;
    }

    /// <summary>The most tokens a match of the pattern can cover, within the VM's own bound.</summary>
    public int MaxLengthOf(Pattern pattern) => Math.Min(_analysis.Length(pattern).Max ?? PikeVm.MaxMatchTokens, PikeVm.MaxMatchTokens);

    private ImmutableArray<string>? WordsConsumedBy(Instruction instruction) => instruction.Op switch
    {
        OpCode.Test when Tests[instruction.A] is WordTest word => [word.Norm],
        OpCode.Test when Tests[instruction.A] is WordSetTest set => [.. set.Norms.Order(StringComparer.Ordinal)],
        OpCode.Lexicon => Lexicons[instruction.A].RequiredWords,
        _ => null,
    };

    private static bool MatchReachableAvoiding(PatternProgram program, List<int> avoided)
    {
        var reached = false;
        Walk(program, [.. avoided], (_, instruction) =>
        {
            reached |= instruction.Op == OpCode.Match;
            return true;
        });
        return reached;
    }

    /// <summary>
    /// Visits the instructions reachable from the program's start, each once and never those
    /// already in <paramref name="seen"/>: splits and jumps are followed, a match ends its path,
    /// and any other instruction leads on to the next only when <paramref name="visit"/> (given its pc) says so.
    /// </summary>
    private static void Walk(PatternProgram program, HashSet<int> seen, Func<int, Instruction, bool> visit)
    {
        var stack = new Stack<int>([0]);
        while (stack.Count > 0)
        {
            var pc = stack.Pop();
            if (!seen.Add(pc)) continue;
            var instruction = program.Code[pc];
            switch (instruction.Op)
            {
                case OpCode.Split: stack.Push(instruction.A); stack.Push(instruction.B); break;
                case OpCode.Jump: stack.Push(instruction.A); break;
                default:
                    if (visit(pc, instruction) && instruction.Op != OpCode.Match) stack.Push(pc + 1);
                    break;
            }
        }
    }

    private int Intern(TokenTest test)
    {
        if (_testIndex.TryGetValue(test, out var index)) return index;
        _testIndex[test] = Tests.Count;
        Tests.Add(test);
        return Tests.Count - 1;
    }

    private int LexiconId(Lexicon lexicon)
    {
        if (_lexiconIndex.TryGetValue(lexicon.Name, out var id)) return id;
        var trie = new LexiconTrie(lexicon.Name);
        var norms = symbols.PhrasesOf(lexicon).Norms;
        var phrase = 0;
        foreach (var entry in lexicon.Entries)
        foreach (var _ in entry.Phrases)
            if (norms[phrase++] is { Length: > 0 } words) trie.Add(words, entry.Value ?? entry.Phrases[0]);
        _lexiconIndex[lexicon.Name] = Lexicons.Count;
        Lexicons.Add(trie);
        return Lexicons.Count - 1;
    }

    private TokenTest SingleTokenTest(Pattern pattern) => pattern switch
    {
        LiteralPattern { Exact: true } l => new ExactWordTest(PatternAnalysis.Tokenise(l.Text)[0].Text.Replace('\u2019', '\'')),
        LiteralPattern l => new WordTest(PatternAnalysis.Tokenise(l.Text)[0].Norm),
        ReferencePattern r when ClassTest.Names.TryGetValue(r.Name, out var tokenClass) => new ClassTest(tokenClass),
        ReferencePattern r when symbols.Lexicons.TryGetValue(r.Name, out var lexicon) =>
            new WordSetTest(symbols.PhrasesOf(lexicon).FirstWords.ToHashSet(StringComparer.Ordinal)),
        RegexPattern r => new RegexTest(TokenRegex.Create(r.Source, r.IgnoreCase)),
        NegationPattern n => new NotTest(SingleTokenTest(n.Inner)),
        AlternationPattern a => AnyOf([.. a.Alternatives.Select(SingleTokenTest)]),
        _ => throw new InvalidOperationException($"not a single-token test: {pattern.GetType().Name}"),
    };

    /// <summary>Alternative words become one set look-up instead of a test per word.</summary>
    private static TokenTest AnyOf(TokenTest[] tests) =>
        tests.All(t => t is WordTest or WordSetTest)
            ? new WordSetTest(tests.SelectMany(t => t is WordTest w ? (IEnumerable<string>)[w.Norm] : ((WordSetTest)t).Norms).ToHashSet(StringComparer.Ordinal))
            : new AnyOfTest(tests);

    /// <summary>The instructions of one pattern being compiled, with its capture slots.</summary>
    private sealed class Unit(PatternCompiler compiler)
    {
        public List<Instruction> Code { get; } = [];
        public List<SourceLocation> Locations { get; } = [];
        public List<CaptureSlot> Slots { get; } = [];
        private SourceLocation _current = SourceLocation.None;

        private void Add(Instruction instruction)
        {
            Code.Add(instruction);
            Locations.Add(_current);
        }

        public void Emit(Pattern pattern)
        {
            var outer = _current;
            _current = pattern.Location;
            EmitNode(pattern);
            _current = outer;
        }

        private void EmitNode(Pattern pattern)
        {
            switch (pattern)
            {
                case LiteralPattern literal:
                    foreach (var token in PatternAnalysis.Tokenise(literal.Text))
                    {
                        TokenTest test = literal.Exact ? new ExactWordTest(token.Text.Replace('\u2019', '\'')) : new WordTest(token.Norm);
                        Add(new Instruction(OpCode.Test, compiler.Intern(test)));
                    }
                    break;
                case ReferencePattern reference when compiler.Symbols.Lexicons.TryGetValue(reference.Name, out var lexicon):
                    Add(new Instruction(OpCode.Lexicon, compiler.LexiconId(lexicon)));
                    break;
                case ReferencePattern reference when compiler.Symbols.Patterns.TryGetValue(reference.Name, out var named):
                    Emit(named.Pattern);
                    break;
                case ReferencePattern or RegexPattern or NegationPattern:
                    Add(new Instruction(OpCode.Test, compiler.Intern(compiler.SingleTokenTest(pattern))));
                    break;
                case AnnotationPattern annotation:
                    Add(new Instruction(OpCode.Annotation, compiler.AnnotationId(annotation.Name)));
                    break;
                case SequencePattern sequence:
                    foreach (var item in sequence.Items) Emit(item);
                    break;
                case AlternationPattern alternation when alternation.Alternatives.All(PatternAnalysis.IsPlainWord):
                    // `("is" | "are")`: one set test, not a split per word; it is also one
                    // required word set where the words alone would each be optional.
                    Add(new Instruction(OpCode.Test, compiler.Intern(compiler.SingleTokenTest(alternation))));
                    break;
                case AlternationPattern alternation:
                    EmitAlternation(alternation.Alternatives);
                    break;
                case RepeatPattern repeat:
                    EmitRepeat(repeat.Inner, repeat.Min, repeat.Max);
                    break;
                case GapPattern gap:
                    EmitRepeat(new ReferencePattern("any", gap.Location), 0, gap.Max);
                    break;
                case AnchorPattern anchor:
                    Add(new Instruction(anchor.Anchor == Anchor.LineStart ? OpCode.LineStart : OpCode.LineEnd));
                    break;
                case LookaroundPattern look when compiler._analysis.IsSingleTokenTest(look.Inner):
                    // One token before or after needs no sub-program: test it in place.
                    Add(new Instruction(OpCode.LookToken, compiler.Intern(compiler.SingleTokenTest(look.Inner)), (look.Ahead ? 1 : 0) | (look.Negated ? 2 : 0)));
                    break;
                case LookaroundPattern look:
                    var (program, _) = compiler.Compile(look.Inner);
                    var maxLength = Math.Min(compiler._analysis.Length(look.Inner).Max ?? PikeVm.MaxMatchTokens, PikeVm.MaxMatchTokens);
                    var reversed = look.Ahead && maxLength > PikeVm.ShortLookaround && compiler.Reverse(look.Inner) is { } backwards
                        ? compiler.Compile(backwards).Program : null;
                    compiler.Lookarounds.Add(new Lookaround(program, look.Ahead, look.Negated, maxLength, reversed));
                    Add(new Instruction(OpCode.Look, compiler.Lookarounds.Count - 1));
                    break;
                case CapturePattern capture:
                    var slot = SlotFor(capture);
                    Add(new Instruction(OpCode.Save, slot * 2));
                    Emit(capture.Inner);
                    Add(new Instruction(OpCode.Save, slot * 2 + 1));
                    break;
            }
        }

        private int SlotFor(CapturePattern capture)
        {
            var existing = Slots.FindIndex(s => s.Name == capture.Name);
            if (existing >= 0) return existing;
            var (source, lexicon, annotation) = capture.Inner switch
            {
                ReferencePattern r when compiler.Symbols.Lexicons.TryGetValue(r.Name, out var l) => (CaptureSource.Lexicon, compiler.LexiconId(l), (string?)null),
                AnnotationPattern a => (CaptureSource.Annotation, -1, a.Name),
                _ => (CaptureSource.Text, -1, null),
            };
            Slots.Add(new CaptureSlot(capture.Name, source, lexicon, annotation));
            return Slots.Count - 1;
        }

        private void EmitAlternation(ImmutableArray<Pattern> alternatives)
        {
            var jumpsToEnd = new List<int>();
            for (var i = 0; i < alternatives.Length; i++)
            {
                if (i < alternatives.Length - 1)
                {
                    var split = Code.Count;
                    Add(default);
                    Emit(alternatives[i]);
                    jumpsToEnd.Add(Code.Count);
                    Add(default);
                    Code[split] = new Instruction(OpCode.Split, split + 1, Code.Count);
                }
                else Emit(alternatives[i]);
            }
            foreach (var jump in jumpsToEnd) Code[jump] = new Instruction(OpCode.Jump, Code.Count);
        }

        private void EmitRepeat(Pattern inner, int min, int? max)
        {
            for (var i = 0; i < min; i++) Emit(inner);
            if (max is null)
            {
                var loop = Code.Count;
                Add(default);
                Emit(inner);
                Add(new Instruction(OpCode.Jump, loop));
                Code[loop] = new Instruction(OpCode.Split, loop + 1, Code.Count);
                return;
            }
            var exits = new List<int>();
            for (var i = min; i < max; i++)
            {
                exits.Add(Code.Count);
                Add(default);
                Emit(inner);
            }
            foreach (var exit in exits) Code[exit] = new Instruction(OpCode.Split, exit + 1, Code.Count);
        }
    }

    public SymbolTable Symbols => symbols;

    /// <summary>
    /// A pattern back to front: what it matches read from its last token to its first. Zero-width
    /// parts (`^`, `$`, lookarounds) test the same place either way and stay as they are. Null
    /// when a part cannot be read backwards: a lexicon with phrases of several words, an annotation.
    /// </summary>
    private Pattern? Reverse(Pattern pattern)
    {
        switch (pattern)
        {
            case LiteralPattern literal:
                var tokens = PatternAnalysis.Tokenise(literal.Text);
                return tokens.Count == 1 ? literal
                    : new SequencePattern([.. tokens.Reverse().Select(t => (Pattern)new LiteralPattern(t.Text, literal.Exact, literal.Location))], literal.Location);
            case ReferencePattern reference when symbols.Patterns.TryGetValue(reference.Name, out var named):
                return Reverse(named.Pattern);
            case ReferencePattern reference when symbols.Lexicons.TryGetValue(reference.Name, out var lexicon):
                return symbols.PhrasesOf(lexicon).AllSingleWords ? reference : null;
            case AnnotationPattern:
                return null;
            case SequencePattern sequence:
                var items = sequence.Items.Reverse().Select(Reverse).ToList();
                return items.Any(i => i is null) ? null : new SequencePattern([.. items!], sequence.Location);
            case AlternationPattern alternation:
                var alternatives = alternation.Alternatives.Select(Reverse).ToList();
                return alternatives.Any(a => a is null) ? null : new AlternationPattern([.. alternatives!], alternation.Location);
            case RepeatPattern repeat:
                return Reverse(repeat.Inner) is { } inner ? repeat with { Inner = inner } : null;
            case CapturePattern capture:
                return Reverse(capture.Inner);
            default:
                return pattern;
        }
    }
}
