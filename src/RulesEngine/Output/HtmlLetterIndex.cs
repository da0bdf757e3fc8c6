using RulesEngine.Batch;
using RulesEngine.Matching;

namespace RulesEngine.Output;

/// <summary>
/// The table of letters that opens an HTML report: each letter's council, date, kind, fields
/// found, fields missing (of those its kind should have) or its failure, linking to where the
/// letter is shown.
/// </summary>
public sealed class HtmlLetterIndex(RuleProgram? program)
{
    private sealed record Row(string Letter, string Page, string? Anchor, string? Council, string? Date, string? Kind, int Found, IReadOnlyList<string> Missing, string? Error);

    private readonly List<Row> _rows = [];

    public int Count => _rows.Count;

    public IEnumerable<string> Letters => _rows.Select(r => r.Letter);

    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <summary>A letter's row, linking to its page, and to the anchor on that page when it shares the page with others.</summary>
    public void Add(LetterOutcome outcome, string page, string? anchor = null)
    {
        if (outcome.Result is not { } result)
        {
            _rows.Add(new Row(outcome.Source.Name, page, anchor, null, null, null, 0, [], outcome.Error ?? "failed"));
            return;
        }
        string? Text(string field) => result.Record[field] switch { TextValue t => t.Text, DateValue d => d.Iso, null => null, var v => v.ToJson() };
        var missing = program?.MissingFields(result.Record).ToList() ?? [];
        _rows.Add(new Row(result.Name, page, anchor, Text("council"), Text("date"), Text("kind"), result.Record.Fields.Count, missing, null));
    }

    /// <param name="linkFailures">Whether a failed letter is shown where its link goes (in a report) or has nowhere to go (no page of its own).</param>
    /// <param name="onThisPage">Whether the letters follow the table on its own page, so links are to their anchors alone.</param>
    public void WriteTable(TextWriter output, bool linkFailures, bool onThisPage = false)
    {
        output.Write("<table><tr><th>letter</th><th>council</th><th>date</th><th>kind</th><th>fields found</th><th>missing</th></tr>\n");
        foreach (var row in _rows)
        {
            var link = onThisPage ? $"#{row.Anchor}" : row.Anchor is null ? row.Page : $"{row.Page}#{row.Anchor}";
            var name = row.Error is null || linkFailures ? $"<a href=\"{E(link)}\">{E(row.Letter)}</a>" : E(row.Letter);
            var missing = row.Error is not null ? $"<strong>failed</strong>: {E(row.Error)}" : row.Missing.Count == 0 ? "none" : E(string.Join(", ", row.Missing));
            output.Write($"<tr><td>{name}</td><td>{E(row.Council ?? "")}</td><td>{E(row.Date ?? "")}</td><td>{E(row.Kind ?? "")}</td><td>{row.Found}</td><td>{missing}</td></tr>\n");
        }
        output.Write("</table>\n");
    }
}
