using System.Runtime.InteropServices;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>
/// Runs a compiled pattern from one start token, Thompson/Pike style: all alternatives advance
/// together one position at a time, at most one thread per instruction per position, so a run
/// costs at most (pattern size x tokens covered) steps whatever the pattern, with no
/// backtracking. A match never covers more than <see cref="MaxMatchTokens"/> tokens, which keeps
/// a whole letter linear: each start costs a bounded number of steps.
/// </summary>
internal sealed class PikeVm
{
    public const int MaxMatchTokens = 256;

    /// <summary>
    /// Captures as a shared list of saves, newest first: a save costs one entry instead of copying
    /// every slot. Entries live in an array reused across runs and link by index, so a thread is
    /// two ints: storing threads needs no GC write barrier and a save allocates nothing (heap nodes
    /// linked by reference cost both, about 5% of a batch).
    /// </summary>
    private readonly record struct Saved(int Slot, int Position, int Previous);

    private const int NoSaves = -1;

    private readonly struct Thread(int pc, int captures)
    {
        public int Pc { get; } = pc;

        /// <summary>Index of the newest save in <see cref="_saves"/>, or <see cref="NoSaves"/>.</summary>
        public int Captures { get; } = captures;
    }

    private Saved[] _saves = new Saved[256];
    private int _saveCount;

    private readonly List<int> _lengths = [];
    private MatchContext _context;
    // The letter's token storage, which may run past the letter's last token (see TokenList).
    private Token[] _tokens;
    private int _tokenCount;
    private TokenTest[] _tests;

    public PikeVm(MatchContext context) => Bind(context);

    // A VM's buffers are a few KB; letters are many and small, so each worker thread keeps one.
    [ThreadStatic] private static PikeVm? _threadVm;

    /// <summary>This thread's VM, pointed at a letter: one per worker instead of one per letter and phase.</summary>
    public static PikeVm ForThread(MatchContext context)
    {
        var vm = _threadVm ??= new PikeVm(context);
        vm.Bind(context);
        return vm;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_context), nameof(_tokens), nameof(_tests))]
    private void Bind(MatchContext letter)
    {
        _context = letter;
        (_tokens, _tokenCount) = (letter.Tokens.Storage, letter.Tokens.Length);
        _tests = ImmutableCollectionsMarshal.AsArray(letter.Program.Tests)!;
        _nested?.Bind(letter);
    }

    /// <summary>
    /// Empties what a run stopped part way left: a run ends with its lists empty, but one stopped by
    /// an exception (a letter over its step limit, inside a lookaround) leaves threads of its
    /// program behind, which the thread's next letter would run as its own.
    /// </summary>
    public void Abandon()
    {
        foreach (var list in _pending) list.Clear();
        _nested?.Abandon();
    }

    // Buffers reused across runs: a letter starts thousands of runs, and most end at once.
    // One list per offset from the start, made once and emptied after use: renting lists per
    // offset from a stack and storing them into the array cost a write barrier per store (a tenth
    // of the VM's instructions under cachegrind); threads are two ints, so adding one needs none.
    private readonly List<Thread>[] _pending = [.. Enumerable.Range(0, MaxMatchTokens + 2).Select(_ => new List<Thread>())];
    private int[] _visited = new int[64];
    private int _stamp;
    // An array, not Stack<T>: push and pop are the VM's commonest steps. Each instruction is
    // visited once per position and pushes at most two threads, which bounds the depth.
    private Thread[] _stack = new Thread[130];

    /// <summary>When set, records where matching got furthest and which instructions failed there (for `explain`).</summary>
    public MatchProbe? Probe { get; set; }

    /// <summary>
    /// The longest match of <paramref name="program"/> starting at <paramref name="start"/> and ending
    /// by <paramref name="scopeEnd"/> (or exactly at <paramref name="requiredEnd"/> when that is not -1).
    /// Returns the end, or -1 when there is no match.
    /// </summary>
    /// <remarks>
    /// One pass that keeps captures, not RE2's two (find the end without them, then run again to it
    /// with them): a save is one entry appended to a reused array, cheaper than running every match
    /// a second time, and only the winning thread's saves are turned into an array, once.
    /// </remarks>
    /// <param name="captures">The winning match's capture positions (start, end per slot; -1 where a slot took nothing), from the letter's match buffers; no array when nothing matched.</param>
    public int Run(PatternProgram program, int start, int scopeStart, int scopeEnd, int requiredEnd, out ArraySegment<int> captures)
    {
        var code = program.Code;
        var continuations = program.Continuations;
        var tokens = _tokens;
        var tests = _tests;
        var window = Math.Min(scopeEnd - start, MaxMatchTokens) + 1;
        var pending = _pending;
        if (_visited.Length < code.Length) _visited = new int[Math.Max(code.Length, _visited.Length * 2)];
        if (_stack.Length < 2 * code.Length + 2) _stack = new Thread[2 * code.Length + 2];
        var visited = _visited;
        var stack = _stack;
        pending[0].Add(new Thread(0, NoSaves));
        _saveCount = 0;
        var furthest = 0;
        var best = -1;
        var bestSaves = NoSaves;
        var steps = 0;
        var probe = Probe;
        captures = default;

        for (var offset = 0; offset <= furthest && offset < window; offset++)
        {
            // Nothing schedules at the offset being run (every consuming step moves on by a token
            // or more), so its list stays as it is while it is walked.
            var threads = CollectionsMarshal.AsSpan(pending[offset]);
            if (threads.IsEmpty) continue;
            var position = start + offset;
            var stamp = ++_stamp;
            for (var t = 0; t < threads.Length; t++)
            {
                stack[0] = threads[t];
                var depth = 1;
                while (depth > 0)
                {
                    var thread = stack[--depth];
                    var pc = thread.Pc;
                    if (visited[pc] == stamp) continue;
                    visited[pc] = stamp;
                    steps++;
                    ref readonly var instruction = ref code[pc];
                    switch (instruction.Op)
                    {
                        case OpCode.Jump:
                            stack[depth++] = new Thread(instruction.A, thread.Captures);
                            break;
                        case OpCode.Split:
                            stack[depth++] = new Thread(instruction.B, thread.Captures);
                            stack[depth++] = new Thread(instruction.A, thread.Captures);
                            break;
                        case OpCode.Save:
                            stack[depth++] = new Thread(pc + 1, Save(instruction.A, position, thread.Captures));
                            break;
                        case OpCode.LineStart or OpCode.LineEnd or OpCode.LookToken or OpCode.Look:
                            if (ZeroWidthHolds(instruction, position, scopeStart, scopeEnd))
                                stack[depth++] = new Thread(pc + 1, thread.Captures);
                            break;
                        case OpCode.Match:
                            if ((requiredEnd < 0 && position > best) || (requiredEnd >= 0 && position == requiredEnd && best < 0))
                            {
                                best = position;
                                bestSaves = thread.Captures;
                            }
                            break;
                        case OpCode.Test:
                            if (position < scopeEnd && tests[instruction.A].Matches(tokens[position]))
                                Schedule(pending, ref furthest, window, offset + 1, new Thread(continuations[pc], thread.Captures));
                            else probe?.Fail(position, pc);
                            break;
                        case OpCode.Lexicon or OpCode.Annotation:
                            ConsumeSpans(instruction, pc, continuations[pc], thread.Captures, start, offset, scopeEnd, pending, ref furthest, window);
                            break;
                    }
                }
            }
            pending[offset].Clear();
        }
        _context.Steps += steps;
        if (_context.Steps > _context.StepLimit) throw new MatchBudgetExceededException(_context.StepLimit);
        // Saves are only appended during a run, so the winner's chain is still intact here.
        if (best >= 0) captures = Materialise(bestSaves, program.SlotCount);
        // Every list is empty again: each offset up to the furthest scheduled was walked and
        // emptied, and nothing is scheduled past the window.
        return best;
    }

    private int Save(int slot, int position, int previous)
    {
        if (_saveCount == _saves.Length) Array.Resize(ref _saves, _saves.Length * 2);
        _saves[_saveCount] = new Saved(slot, position, previous);
        return _saveCount++;
    }

    // The commonest instructions stay in Execute's loop; the rest are out of line, which keeps
    // the loop's locals in registers.

    /// <summary>Whether a zero-width instruction (`^`, `$`, a one-token or a full lookaround) holds here.</summary>
    private bool ZeroWidthHolds(in Instruction instruction, int position, int scopeStart, int scopeEnd)
    {
        var tokens = _tokens;
        switch (instruction.Op)
        {
            case OpCode.LineStart:
                return position < _tokenCount && tokens[position].Has(TokenFlags.LineStart);
            case OpCode.LineEnd:
                return position > 0 && tokens[position - 1].Has(TokenFlags.LineEnd);
            case OpCode.LookToken:
                var test = _tests[instruction.A];
                var found = (instruction.B & 1) != 0
                    ? position < scopeEnd && test.Matches(tokens[position])
                    : position - 1 >= scopeStart && test.Matches(tokens[position - 1]);
                return found != ((instruction.B & 2) != 0);
            default:
                return LookSucceeds(_context.Program.Lookarounds[instruction.A], position, scopeStart, scopeEnd);
        }
    }

    /// <summary>Schedules a thread at the end of each lexicon entry or annotated span that starts here.</summary>
    private void ConsumeSpans(in Instruction instruction, int pc, int next, int captures, int start, int offset, int scopeEnd,
        List<Thread>[] pending, ref int furthest, int window)
    {
        var position = start + offset;
        if (instruction.Op == OpCode.Lexicon)
        {
            _lengths.Clear();
            _context.Program.Lexicons[instruction.A].MatchAt(_context.Tokens, position, scopeEnd, _lengths);
            if (_lengths.Count == 0) Probe?.Fail(position, pc);
            foreach (var length in _lengths)
                Schedule(pending, ref furthest, window, offset + length, new Thread(next, captures));
            return;
        }
        var spans = _context.Annotations.StartingAt(instruction.A, position);
        if (spans.Count == 0) Probe?.Fail(position, pc);
        for (var s = 0; s < spans.Count; s++)
            if (spans[s].End <= scopeEnd)
                Schedule(pending, ref furthest, window, spans[s].End - start, new Thread(next, captures));
    }

    private static void Schedule(List<Thread>[] pending, ref int furthest, int window, int offset, Thread thread)
    {
        if (offset >= window) return;
        pending[offset].Add(thread);
        if (offset > furthest) furthest = offset;
    }

    private PikeVm? _nested;

    private int[] _guardStack = new int[130];

    /// <summary>
    /// Whether a match could begin here at all: the first step of the VM without its bookkeeping,
    /// following the pattern's opening alternatives, checking one-token guards (`^`, `$`,
    /// `preceded by (",")`) and testing the first token. Most starts end here.
    /// </summary>
    public bool CanStart(CompiledRule rule, int position, int scopeStart, int scopeEnd)
    {
        if (rule.First.Unguarded is not { } first) return CanStartByWalking(rule, position, scopeStart, scopeEnd);
        if (position >= scopeEnd) return false;
        var token = _tokens[position];
        foreach (var instruction in first)
            if (Consumes(instruction, token, position)) return true;
        return false;
    }

    /// <summary>Whether a token-consuming instruction (test, lexicon, annotation) can consume here.</summary>
    private bool Consumes(Instruction instruction, Token token, int position) => instruction.Op switch
    {
        OpCode.Test => _tests[instruction.A].Matches(token),
        OpCode.Lexicon => _context.Program.Lexicons[instruction.A].StartsWith(token.NormId),
        OpCode.Annotation => _context.Annotations.StartingAt(instruction.A, position).Count > 0,
        _ => false,
    };

    /// <summary>As <see cref="CanStart"/>, walking the program from its start at this place: for rules whose first tokens stand behind zero-width tests.</summary>
    internal bool CanStartByWalking(CompiledRule rule, int position, int scopeStart, int scopeEnd)
    {
        if (position >= scopeEnd) return false;
        var code = rule.Program.Code;
        var tokens = _tokens;
        var token = tokens[position];
        if (_visited.Length < code.Length) _visited = new int[Math.Max(code.Length, _visited.Length * 2)];
        if (_guardStack.Length < 2 * code.Length + 2) _guardStack = new int[2 * code.Length + 2];
        var visited = _visited;
        var stamp = ++_stamp;
        var stack = _guardStack;
        stack[0] = 0;
        var depth = 1;
        while (depth > 0)
        {
            var pc = stack[--depth];
            if (visited[pc] == stamp) continue;
            visited[pc] = stamp;
            var instruction = code[pc];
            switch (instruction.Op)
            {
                case OpCode.Jump: stack[depth++] = instruction.A; break;
                case OpCode.Split: stack[depth++] = instruction.B; stack[depth++] = instruction.A; break;
                case OpCode.Save: stack[depth++] = pc + 1; break;
                case OpCode.LineStart or OpCode.LineEnd or OpCode.LookToken when ZeroWidthHolds(instruction, position, scopeStart, scopeEnd):
                    stack[depth++] = pc + 1;
                    break;
                // A full lookaround needs a VM run of its own: left to the VM.
                case OpCode.Look:
                case OpCode.Match:
                    return true;
                case OpCode.Test or OpCode.Lexicon or OpCode.Annotation when Consumes(instruction, token, position):
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Lookarounds at most this long are run from each place (a lookbehind from each start before
    /// it); longer ones are decided for the whole scope by one scan (<see cref="EndsOfMatches"/>,
    /// <see cref="StartsOfMatches"/>).
    /// </summary>
    public const int ShortLookaround = 8;

    private bool LookSucceeds(Lookaround look, int position, int scopeStart, int scopeEnd)
    {
        var vm = _nested ??= new PikeVm(_context);
        bool found;
        if (look.Reversed is not null || (!look.Ahead && look.MaxLength > ShortLookaround))
        {
            var scans = _context.LookaroundScans;
            if (!scans.TryGetValue((look, scopeStart, scopeEnd), out var holds))
                scans[(look, scopeStart, scopeEnd)] = holds = look.Ahead ? vm.StartsOfMatches(look, scopeStart, scopeEnd) : vm.EndsOfMatches(look, scopeStart, scopeEnd);
            found = holds[position - scopeStart];
        }
        else if (look.Ahead)
        {
            found = vm.Run(look.Program, position, scopeStart, scopeEnd, -1, out _) >= 0;
        }
        else
        {
            found = false;
            for (var length = 0; length <= look.MaxLength && position - length >= scopeStart && !found; length++)
                found = vm.Run(look.Program, position - length, scopeStart, position, position, out _) >= 0;
        }
        return found != look.Negated;
    }

    /// <summary>
    /// Where in a scope a match of a long lookbehind can end, from any start: its pattern run once
    /// from the scope's start, with a thread added at every position, so the lookbehind is decided
    /// for the whole scope in (scope length x program size) steps. Trying each of 250 starts before
    /// every place, as a short lookbehind is, cost 4,500 steps a token for `preceded by ("b" ... up to 250 "a")`.
    /// </summary>
    /// <returns>Per position from <paramref name="scopeStart"/> to <paramref name="scopeEnd"/> inclusive, whether a match ends there.</returns>
    public bool[] EndsOfMatches(Lookaround look, int scopeStart, int scopeEnd) => Scan(look.Program, scopeStart, scopeEnd, backward: false);

    /// <summary>
    /// Where in a scope a match of a long lookahead can start: its pattern compiled back to front,
    /// run once from the scope's end towards its start, each test consuming the token before. A
    /// match of the reversed pattern from the end down to a place is a match of the lookahead from
    /// that place. Running `followed by (... up to 250 "c")` from every place cost 375 steps a token.
    /// </summary>
    /// <returns>Per position from <paramref name="scopeStart"/> to <paramref name="scopeEnd"/> inclusive, whether a match starts there.</returns>
    public bool[] StartsOfMatches(Lookaround look, int scopeStart, int scopeEnd) => Scan(look.Reversed!, scopeStart, scopeEnd, backward: true);

    /// <summary>Runs a program across a whole scope from every position at once, forwards or backwards; marks where it reaches its match.</summary>
    private bool[] Scan(PatternProgram program, int scopeStart, int scopeEnd, bool backward)
    {
        var reached = new bool[scopeEnd - scopeStart + 1];
        var code = program.Code;
        var continuations = program.Continuations;
        var tokens = _tokens;
        var tests = _tests;
        var ring = _pending.Length;
        if (_visited.Length < code.Length) _visited = new int[Math.Max(code.Length, _visited.Length * 2)];
        if (_stack.Length < 2 * code.Length + 2) _stack = new Thread[2 * code.Length + 2];
        var visited = _visited;
        var stack = _stack;
        var steps = 0L;
        var step = backward ? -1 : 1;
        for (var position = backward ? scopeEnd : scopeStart; backward ? position >= scopeStart : position <= scopeEnd; position += step)
        {
            var threads = _pending[position % ring];
            threads.Add(new Thread(0, NoSaves));
            var stamp = ++_stamp;
            // The token a test reads: the one at the place going forwards, the one before it going backwards.
            var token = backward ? position - 1 : position;
            var readable = backward ? position > scopeStart : position < scopeEnd;
            for (var t = 0; t < threads.Count; t++)
            {
                stack[0] = threads[t];
                var depth = 1;
                while (depth > 0)
                {
                    var pc = stack[--depth].Pc;
                    if (visited[pc] == stamp) continue;
                    visited[pc] = stamp;
                    steps++;
                    ref readonly var instruction = ref code[pc];
                    switch (instruction.Op)
                    {
                        case OpCode.Jump: stack[depth++] = new Thread(instruction.A, NoSaves); break;
                        case OpCode.Split:
                            stack[depth++] = new Thread(instruction.B, NoSaves);
                            stack[depth++] = new Thread(instruction.A, NoSaves);
                            break;
                        case OpCode.Save: stack[depth++] = new Thread(pc + 1, NoSaves); break;
                        case OpCode.LineStart or OpCode.LineEnd or OpCode.LookToken or OpCode.Look:
                            if (ZeroWidthHolds(instruction, position, scopeStart, scopeEnd)) stack[depth++] = new Thread(pc + 1, NoSaves);
                            break;
                        case OpCode.Match: reached[position - scopeStart] = true; break;
                        case OpCode.Test:
                            if (readable && tests[instruction.A].Matches(tokens[token]))
                                _pending[(position + step) % ring].Add(new Thread(continuations[pc], NoSaves));
                            break;
                        // Backwards, only a lexicon of single words is ever compiled: an entry is one token, as a test is.
                        case OpCode.Lexicon when backward:
                            if (readable && _context.Program.Lexicons[instruction.A].StartsWith(tokens[token].NormId))
                                _pending[(position - 1) % ring].Add(new Thread(continuations[pc], NoSaves));
                            break;
                        case OpCode.Lexicon:
                            _lengths.Clear();
                            _context.Program.Lexicons[instruction.A].MatchAt(_context.Tokens, position, scopeEnd, _lengths);
                            // An entry longer than any match could be would wrap round the ring onto a place already passed.
                            foreach (var length in _lengths)
                                if (length < ring - 1) _pending[(position + length) % ring].Add(new Thread(continuations[pc], NoSaves));
                            break;
                        // Backwards, no annotation is ever compiled (a span is found by where it starts).
                        case OpCode.Annotation:
                            var spans = _context.Annotations.StartingAt(instruction.A, position);
                            for (var i = 0; i < spans.Count; i++)
                                if (spans[i].End <= scopeEnd && spans[i].End - position < ring)
                                    _pending[spans[i].End % ring].Add(new Thread(continuations[pc], NoSaves));
                            break;
                    }
                }
            }
            threads.Clear();
            if (_context.Steps + steps > _context.StepLimit) throw new MatchBudgetExceededException(_context.StepLimit);
        }
        // Threads scheduled past the scope are dropped, so the lists are empty for the next run.
        foreach (var list in _pending) list.Clear();
        _context.Steps += steps;
        return reached;
    }

    // Into the letter's match buffers, not an array per match: the captures live as long as the
    // letter's matches do.
    private ArraySegment<int> Materialise(int newest, int slots)
    {
        if (slots == 0) return ArraySegment<int>.Empty;
        var slice = _context.Buffers.Ints(slots);
        var captures = slice.AsSpan();
        captures.Fill(-1);
        for (var at = newest; at != NoSaves; at = _saves[at].Previous)
            if (captures[_saves[at].Slot] < 0) captures[_saves[at].Slot] = _saves[at].Position;
        return slice;
    }
}
