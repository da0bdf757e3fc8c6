using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace RulesEngine.Reading.Formats.Pdf;

/// <summary>
/// Tables drawn with ruling lines: horizontal and vertical strokes (or hairline rectangles) that
/// touch form one grid; each band between two horizontal rules is a row, split into cells by the
/// vertical rules that cross it, so rows with their own column layout (merged cells, two tables
/// drawn touching) keep their cells.
/// </summary>
internal static class RulingTables
{
    private const double Tolerance = 2.0;
    private const double Hairline = 2.5;

    internal sealed record Segment(double X1, double Y1, double X2, double Y2)
    {
        public bool IsHorizontal => Y2 - Y1 < Hairline;
    }

    public sealed record Found(PdfTable Table, IReadOnlyList<PdfWord> Words);

    public static List<Found> Find(Page page, IReadOnlyList<PdfWord> words)
    {
        var segments = Segments(page);
        var found = new List<Found>();
        foreach (var group in Connected(segments))
        {
            var horizontals = group.Where(s => s.IsHorizontal).ToList();
            var verticals = group.Where(s => !s.IsHorizontal).ToList();
            // One horizontal rule is enough for a table's fragment that a page break cut (see Build).
            if (horizontals.Count < 1 || verticals.Count < 2) continue;
            if (Build(horizontals, verticals, words, page.Number) is { } table) found.Add(table);
        }
        return found;
    }

    private static Found? Build(List<Segment> horizontals, List<Segment> verticals, IReadOnlyList<PdfWord> words, int page)
    {
        var rules = Distinct(horizontals.Select(h => (h.Y1 + h.Y2) / 2)).OrderByDescending(y => y).ToList();
        // A row that a page break cuts has no rule at the cut (browsers draw none): its cells'
        // vertical rules run on past the last horizontal one, to the page's edge.
        var verticalsTop = verticals.Max(v => v.Y2);
        var verticalsBottom = verticals.Min(v => v.Y1);
        if (verticalsTop > rules[0] + 2 * Tolerance) rules.Insert(0, verticalsTop);
        if (verticalsBottom < rules[^1] - 2 * Tolerance) rules.Add(verticalsBottom);
        var rows = new List<PdfTableRow>();
        var placed = new List<PdfWord>();
        for (var r = 0; r + 1 < rules.Count; r++)
        {
            var (top, bottom) = (rules[r], rules[r + 1]);
            var middle = (top + bottom) / 2;
            var columns = Distinct(verticals.Where(v => v.Y1 - Tolerance <= middle && v.Y2 + Tolerance >= middle).Select(v => (v.X1 + v.X2) / 2)).Order().ToList();
            if (columns.Count < 2) continue;
            var cells = new List<PdfWord>[columns.Count - 1];
            for (var c = 0; c < cells.Length; c++) cells[c] = [];
            foreach (var word in words)
            {
                if (word.CentreY > top || word.CentreY < bottom || word.CentreX < columns[0] || word.CentreX > columns[^1]) continue;
                var column = columns.FindLastIndex(x => x <= word.CentreX);
                cells[Math.Min(column, cells.Length - 1)].Add(word);
                placed.Add(word);
            }
            if (cells.All(c => c.Count == 0)) continue; // a double rule, or a band with nothing in it
            rows.Add(new PdfTableRow(cells.Select(c => (IReadOnlyList<PdfLine>)PageReader.Lines(c, page)).ToList(), top, bottom));
        }
        if (rows.Count == 0) return null;
        return new Found(new PdfTable(rows, rules[0], rules[^1], page), placed);
    }

    /// <summary>Values closer than the tolerance are one (a rule drawn twice, a border's two edges).</summary>
    private static List<double> Distinct(IEnumerable<double> values)
    {
        var result = new List<double>();
        foreach (var value in values.Order())
            if (result.Count == 0 || value - result[^1] > Tolerance) result.Add(value);
        return result;
    }

    private static List<Segment> Segments(Page page)
    {
        var segments = new List<Segment>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var subpath in path)
            {
                // A thin filled rectangle is a rule; a stroked rectangle is four.
                if (subpath.GetBoundingRectangle() is not { } box) continue;
                if (box.Height < Hairline || box.Width < Hairline)
                {
                    Add(segments, box.Left, box.Bottom, box.Right, box.Top);
                    continue;
                }
                if (path.IsStroked && subpath.IsDrawnAsRectangle)
                {
                    Add(segments, box.Left, box.Bottom, box.Right, box.Bottom);
                    Add(segments, box.Left, box.Top, box.Right, box.Top);
                    Add(segments, box.Left, box.Bottom, box.Left, box.Top);
                    Add(segments, box.Right, box.Bottom, box.Right, box.Top);
                }
                else if (path.IsStroked)
                {
                    foreach (var command in subpath.Commands)
                        if (command is PdfSubpath.Line line)
                            Add(segments, Math.Min(line.From.X, line.To.X), Math.Min(line.From.Y, line.To.Y), Math.Max(line.From.X, line.To.X), Math.Max(line.From.Y, line.To.Y));
                }
            }
        }
        return segments;
    }

    private static void Add(List<Segment> segments, double x1, double y1, double x2, double y2)
    {
        var width = x2 - x1;
        var height = y2 - y1;
        // Only straight rules long enough to bound a cell; a dot or a diagonal is decoration.
        if (height < Hairline && width >= 5) segments.Add(new Segment(x1, y1, x2, y2));
        else if (width < Hairline && height >= 5) segments.Add(new Segment(x1, y1, x2, y2));
    }

    /// <summary>Segments grouped by touching (union-find over every pair: pages have tens of rules).</summary>
    private static IEnumerable<List<Segment>> Connected(List<Segment> segments)
    {
        if (segments.Count > 2000) return []; // a vector drawing, not a table
        var parent = Enumerable.Range(0, segments.Count).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        for (var i = 0; i < segments.Count; i++)
        for (var j = i + 1; j < segments.Count; j++)
            if (Touch(segments[i], segments[j])) parent[Root(i)] = Root(j);
        return segments.Select((s, i) => (s, root: Root(i))).GroupBy(p => p.root).Select(g => g.Select(p => p.s).ToList());
    }

    private static bool Touch(Segment a, Segment b) =>
        a.X1 - Tolerance <= b.X2 && b.X1 - Tolerance <= a.X2 && a.Y1 - Tolerance <= b.Y2 && b.Y1 - Tolerance <= a.Y2;
}
