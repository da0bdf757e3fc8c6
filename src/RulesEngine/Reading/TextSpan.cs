namespace RulesEngine.Reading;

/// <summary>A half-open range of token indexes [Start, End) inside one document.</summary>
public readonly record struct TokenRange(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(int tokenIndex) => tokenIndex >= Start && tokenIndex < End;

    public static TokenRange Empty { get; } = new(0, 0);
}
