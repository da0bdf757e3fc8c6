namespace RulesEngine.Matching;

internal enum OpCode : byte
{
    /// <summary>Consume one token that passes test A.</summary>
    Test,
    /// <summary>Consume a whole entry of lexicon A (one or more tokens).</summary>
    Lexicon,
    /// <summary>Consume a span annotated A by an earlier phase.</summary>
    Annotation,
    /// <summary>Try A first, then B.</summary>
    Split,
    Jump,
    /// <summary>Record the current position in capture slot A.</summary>
    Save,
    Match,
    LineStart,
    LineEnd,
    /// <summary>Zero-width test with lookaround A.</summary>
    Look,
    /// <summary>Zero-width test of one neighbouring token with test A; B: 1 = the next token (else the previous), 2 = negated.</summary>
    LookToken,
}

internal readonly record struct Instruction(OpCode Op, int A = 0, int B = 0)
{
    public override string ToString() => Op switch
    {
        OpCode.Split => $"split {A}, {B}",
        OpCode.Jump => $"jmp {A}",
        OpCode.Match or OpCode.LineStart or OpCode.LineEnd => Op.ToString().ToLowerInvariant(),
        _ => $"{Op.ToString().ToLowerInvariant()} {A}",
    };
}

/// <summary>A compiled pattern: a flat instruction array run by <see cref="PikeVm"/>, and where in the rule file each instruction came from.</summary>
internal sealed record PatternProgram(Instruction[] Code, int SlotCount, Diagnostics.SourceLocation[] Locations)
{
    /// <summary>
    /// Where a thread goes on after the instruction at each pc consumes: the next pc, or where the
    /// jumps from there lead. An alternative's end and a loop's back edge are jumps that every
    /// thread through them would otherwise take as a step of its own at the next token.
    /// </summary>
    public int[] Continuations { get; } = [.. Code.Select((_, pc) => PastJumps(Code, pc + 1))];

    /// <summary>Where a thread at <paramref name="pc"/> ends up after the jumps from there.</summary>
    internal static int PastJumps(IReadOnlyList<Instruction> code, int pc)
    {
        // A loop of jumps alone cannot be compiled from a pattern; the bound only keeps this total.
        for (var hops = 0; pc < code.Count && code[pc].Op == OpCode.Jump && hops < code.Count; hops++) pc = code[pc].A;
        return pc;
    }
}

/// <param name="Reversed">
/// For a long lookahead, its pattern compiled back to front, which a scan from the scope's end
/// runs to decide the lookahead for every place at once (see <c>PikeVm.StartsOfMatches</c>); null
/// when it is short or holds what cannot be read backwards (a lexicon of phrases, an annotation).
/// </param>
internal sealed record Lookaround(PatternProgram Program, bool Ahead, bool Negated, int MaxLength, PatternProgram? Reversed = null);
