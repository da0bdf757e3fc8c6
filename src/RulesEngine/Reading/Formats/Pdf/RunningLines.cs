using System.Text.RegularExpressions;

namespace RulesEngine.Reading.Formats.Pdf;

/// <summary>
/// Running headers and footers: a line at the top or bottom of a page that is a page number
/// (`3`, `Page 3 of 7`, `- 3 -`), or whose text (numbers aside) recurs at the top or bottom of
/// other pages. They are the page's furniture, not the letter's text.
/// </summary>
internal static partial class RunningLines
{
    // The lines looked at on each page's top and bottom.
    private const int Depth = 2;

    [GeneratedRegex(@"^(?:page\s*)?#+(?:\s*(?:of|/)\s*#+)?$|^-\s*#+\s*-$|^\[?#+\]?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    public static void Remove(List<List<PageBlock>> pages)
    {
        var candidates = pages.Select(Edges).ToList();
        var counts = new Dictionary<string, int>();
        foreach (var page in candidates)
        foreach (var key in page.Select(c => c.Key).Distinct())
            counts[key] = counts.GetValueOrDefault(key) + 1;
        var repeated = pages.Count >= 2 ? Math.Max(2, (pages.Count + 1) / 2) : int.MaxValue;
        for (var p = 0; p < pages.Count; p++)
        foreach (var (block, key) in candidates[p])
            if (PageNumber().IsMatch(key) || counts[key] >= repeated) pages[p].Remove(block);
    }

    private static List<(TextLineBlock Block, string Key)> Edges(List<PageBlock> page)
    {
        var edges = new List<(TextLineBlock, string)>();
        // Only lines before the first table (or after the last) from the page's edge: a table's own rows are content.
        foreach (var block in page.Take(Depth)) { if (block is TextLineBlock line) edges.Add((line, Key(line))); else break; }
        foreach (var block in Enumerable.Reverse(page).Take(Depth)) { if (block is TextLineBlock line) edges.Add((line, Key(line))); else break; }
        return edges.Distinct().ToList();
    }

    private static string Key(TextLineBlock block) => Digits().Replace(block.Line.Text.Trim().ToLowerInvariant(), "#");
}
