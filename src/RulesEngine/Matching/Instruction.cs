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
internal sealed record PatternProgram(Instruction[] Code, int SlotCount, Diagnostics.SourceLocation[] Locations);

internal sealed record Lookaround(PatternProgram Program, bool Ahead, bool Negated, int MaxLength);
