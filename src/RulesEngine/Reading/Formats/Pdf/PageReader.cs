using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace RulesEngine.Reading.Formats.Pdf;

/// <summary>
/// One page's words and ruling lines into blocks in reading order: tables where ruling lines
/// form a grid (each word placed in the cell its centre falls in), lines of running text
/// elsewhere. Text is read top to bottom and left to right along each line, whatever order the
/// PDF drew it in.
/// </summary>
internal static class PageReader
{
    public static List<PageBlock> Read(Page page)
    {
        var words = Words(page);
        var tables = RulingTables.Find(page, words);
        var inTables = new HashSet<PdfWord>(tables.SelectMany(t => t.Words));
        var blocks = new List<PageBlock>();
        foreach (var line in Lines(words.Where(w => !inTables.Contains(w)), page.Number)) blocks.Add(new TextLineBlock(line));
        foreach (var table in tables) blocks.Add(new TableBlock(table.Table));
        blocks.Sort((a, b) => b.Top.CompareTo(a.Top));
        return blocks;
    }

    private static List<PdfWord> Words(Page page)
    {
        var words = new List<PdfWord>();
        foreach (var word in page.GetWords())
        {
            var text = word.Text;
            if (string.IsNullOrWhiteSpace(text)) continue;
            // Only horizontal text: a rotated margin note or watermark is not part of the letter's flow.
            if (word.TextOrientation is not (TextOrientation.Horizontal)) continue;
            var box = word.BoundingBox;
            var first = word.Letters[0];
            var bold = word.Letters.All(l => IsBold(l));
            var size = word.Letters.Max(l => l.PointSize);
            var baseline = first.StartBaseLine.Y;
            words.Add(new PdfWord(text.Trim(), box.Left, box.Right, Math.Min(box.Bottom, baseline), Math.Max(box.Top, baseline + size * 0.7), size, bold));
        }
        return words;
    }

    private static bool IsBold(Letter letter)
    {
        if (letter.FontDetails?.IsBold == true) return true;
        var name = letter.FontName ?? "";
        return name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Black", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Heavy", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Words into lines: a word joins the line whose vertical middle it shares (within a third of
    /// its height), so that superscripts and mixed fonts stay on their line.
    /// </summary>
    public static List<PdfLine> Lines(IEnumerable<PdfWord> words, int page)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var word in words.OrderByDescending(w => w.CentreY).ThenBy(w => w.Left))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Overlaps(line, word)) line.Add(word);
            else lines.Add([word]);
        }
        return lines.Select(l => new PdfLine(l.OrderBy(w => w.Left).ToList(), page)).ToList();
    }

    private static bool Overlaps(List<PdfWord> line, PdfWord word)
    {
        var top = line.Max(w => w.Top);
        var bottom = line.Min(w => w.Bottom);
        var overlap = Math.Min(top, word.Top) - Math.Max(bottom, word.Bottom);
        return overlap > 0.5 * Math.Min(word.Top - word.Bottom, top - bottom);
    }
}
