namespace RulesEngine.Reading;

internal enum LineKind
{
    Blank,
    /// <summary>Converter debris (`Page 2 of 3`, a lone form feed): invisible to structure.</summary>
    PageArtefact,
    /// <summary>A dashed rule under a table header.</summary>
    TableRule,
    Figure,
    MarkdownHeading,
    BoldHeading,
    TableRow,
    ListItem,
    Text,
}

/// <summary>
/// What the scanner learnt about one physical line. Only the reading of one letter uses it (the
/// document keeps token ranges, not these), so a thread reuses its lines for the next letter: made
/// afresh they were 5% of the bytes a batch allocates.
/// </summary>
internal sealed class ScannedLine
{
    public int Number { get; private set; }
    public int Start { get; private set; }
    public int End { get; private set; }
    public LineKind Kind { get; set; }
    public int FirstToken { get; set; }
    public int TokenEnd { get; set; }
    public int Indent { get; set; }

    /// <summary>Makes this a fresh line at <paramref name="start"/>..<paramref name="end"/>, keeping its lists' storage.</summary>
    public ScannedLine Reset(int number, int start, int end)
    {
        (Number, Start, End) = (number, start, end);
        (Kind, FirstToken, TokenEnd, Indent) = (LineKind.Blank, 0, 0, 0);
        _cellStarts?.Clear();
        _bulletStarts?.Clear();
        return this;
    }

    // Most lines have neither cells nor bullets: the lists are made on the first entry.
    private List<int>? _cellStarts;
    private List<int>? _bulletStarts;

    /// <summary>Token index at which each cell after the first begins (one per tab).</summary>
    public IReadOnlyList<int> CellStarts => (IReadOnlyList<int>?)_cellStarts ?? [];

    /// <summary>Token index at which each bullet's item begins (bullets, `&lt;li&gt;`).</summary>
    public IReadOnlyList<int> BulletStarts => (IReadOnlyList<int>?)_bulletStarts ?? [];

    public void AddCellStart(int token) => (_cellStarts ??= []).Add(token);

    public void AddBulletStart(int token) => (_bulletStarts ??= []).Add(token);

    public TokenRange Tokens => new(FirstToken, TokenEnd);

    public bool HasTokens => TokenEnd > FirstToken;
}
