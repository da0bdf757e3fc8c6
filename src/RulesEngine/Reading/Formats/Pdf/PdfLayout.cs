namespace RulesEngine.Reading.Formats.Pdf;

/// <summary>A word on a page, in PDF user space (y grows upwards).</summary>
internal sealed record PdfWord(string Text, double Left, double Right, double Bottom, double Top, double Size, bool Bold)
{
    public double CentreX => (Left + Right) / 2;
    public double CentreY => (Bottom + Top) / 2;
}

/// <summary>Words sharing a baseline, left to right; a wide gap between two of them is a column break.</summary>
internal sealed record PdfLine(IReadOnlyList<PdfWord> Words, int Page)
{
    public double Top => Words.Max(w => w.Top);
    public double Bottom => Words.Min(w => w.Bottom);
    public double Left => Words[0].Left;
    public double Size => Words.Max(w => w.Size);
    public bool Bold => Words.All(w => w.Bold);

    private string? _text;

    /// <summary>The words with single spaces, and a tab where the gap is wider than a few spaces (text laid out in columns).</summary>
    public string Text => _text ??= Join();

    private string Join()
    {
        var text = new System.Text.StringBuilder(Words[0].Text);
        for (var i = 1; i < Words.Count; i++)
        {
            var gap = Words[i].Left - Words[i - 1].Right;
            text.Append(gap > ColumnGap * Size ? '\t' : ' ').Append(Words[i].Text);
        }
        return text.ToString();
    }

    /// <summary>The line cut at its column breaks: where each part starts, and its words.</summary>
    public IReadOnlyList<(double Left, string Text)> Segments
    {
        get
        {
            var segments = new List<(double, string)>();
            var start = 0;
            for (var i = 1; i <= Words.Count; i++)
            {
                if (i < Words.Count && Words[i].Left - Words[i - 1].Right <= ColumnGap * Size) continue;
                segments.Add((Words[start].Left, string.Join(' ', Words.Skip(start).Take(i - start).Select(w => w.Text))));
                start = i;
            }
            return segments;
        }
    }

    /// <summary>A gap of this many em between words on one line is a column break, not a space.</summary>
    public const double ColumnGap = 2.5;
}

/// <summary>A table found from its ruling lines: rows of cells, each cell the lines of words inside it.</summary>
internal sealed record PdfTable(IReadOnlyList<PdfTableRow> Rows, double Top, double Bottom, int Page);

internal sealed record PdfTableRow(IReadOnlyList<IReadOnlyList<PdfLine>> Cells, double Top, double Bottom);

/// <summary>What a page holds, top to bottom: lines of running text and tables.</summary>
internal abstract record PageBlock(int Page)
{
    public abstract double Top { get; }
}

internal sealed record TextLineBlock(PdfLine Line) : PageBlock(Line.Page)
{
    public override double Top => Line.Top;
}

internal sealed record TableBlock(PdfTable Table) : PageBlock(Table.Page)
{
    public override double Top => Table.Top;
}
