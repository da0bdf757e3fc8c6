using System.Collections.Immutable;

namespace RulesEngine.Reading;

/// <summary>Collects tab-separated lines into rows and cells, with the lists inside cells.</summary>
internal sealed class TableBuilder
{
    private readonly List<List<ScannedLine>> _rows = [];
    private readonly HashSet<int> _headerRows = [];

    public TableBuilder(ScannedLine first) => AddRow(first);

    public int ColumnCount { get; private set; }

    public void AddRow(ScannedLine line)
    {
        _rows.Add([line]);
        ColumnCount = Math.Max(ColumnCount, line.CellStarts.Count + 1);
    }

    /// <summary>A hard-wrapped row goes on in the next line, inside its last cell.</summary>
    public void ContinueLastRow(ScannedLine line) => _rows[^1].Add(line);

    public void MarkLastRowHeader() => _headerRows.Add(_rows.Count - 1);

    public Table Build()
    {
        var rows = ImmutableArray.CreateBuilder<TableRow>(_rows.Count);
        for (var index = 0; index < _rows.Count; index++) rows.Add(BuildRow(_rows[index], _headerRows.Contains(index)));
        return new Table(new TokenRange(rows[0].Tokens.Start, rows[^1].Tokens.End), rows.MoveToImmutable());
    }

    private static TableRow BuildRow(List<ScannedLine> lines, bool isHeader)
    {
        var first = lines[0];
        var end = lines[^1].TokenEnd;
        var bounds = new List<int> { first.FirstToken };
        bounds.AddRange(first.CellStarts);
        bounds.Add(end);
        var bullets = new List<int>();
        foreach (var line in lines) bullets.AddRange(line.BulletStarts);
        var cells = ImmutableArray.CreateBuilder<TableCell>(bounds.Count - 1);
        for (var c = 0; c + 1 < bounds.Count; c++)
        {
            var range = new TokenRange(bounds[c], Math.Max(bounds[c], bounds[c + 1]));
            cells.Add(new TableCell(range, c + 1, ItemsIn(range, bullets)));
        }
        return new TableRow(new TokenRange(first.FirstToken, end), cells.ToImmutable(), isHeader);
    }

    private static ImmutableArray<ListItem> ItemsIn(TokenRange cell, List<int> bullets)
    {
        if (bullets.Count == 0) return [];
        var starts = new List<int>();
        foreach (var bullet in bullets) if (bullet >= cell.Start && bullet < cell.End) starts.Add(bullet);
        // Two marks can open the same item (`<li>` then a bullet character): one start each.
        Positions.SortDistinct(starts);
        var items = ImmutableArray.CreateBuilder<ListItem>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : cell.End;
            if (end > starts[i]) items.Add(new ListItem(new TokenRange(starts[i], end), 1));
        }
        return items.ToImmutable();
    }
}
