using System.Net;
using System.Text;
using RulesEngine.Batch;

namespace RulesEngine.Output;

/// <summary>
/// One HTML page for a batch: each letter's text with every extracted value's evidence
/// highlighted, and a table of fields whose rows link to their highlight. Every piece of
/// letter text is HTML-escaped. The page appears whole at the end.
/// </summary>
public sealed class HtmlReportWriter : ILetterWriter
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly StreamWriter _writer;
    private int _letters;

    public HtmlReportWriter(string path)
    {
        _path = path;
        _temporary = AtomicFile.TemporaryPathFor(path);
        _writer = new StreamWriter(_temporary, false, new UTF8Encoding(false)) { NewLine = "\n" };
        _writer.Write(HtmlLetters.Header);
    }

    public void Write(LetterOutcome outcome) => HtmlLetters.Render(_writer, outcome, $"l{_letters++}");

    public bool ShowsLetterText => true;

    public void Abandon()
    {
        _writer.Dispose();
        File.Delete(_temporary);
    }

    public void Complete()
    {
        _writer.Write($"<footer>{_letters} letter(s)</footer>{HtmlLetters.Footer}");
        _writer.Dispose();
        File.Move(_temporary, _path, overwrite: true);
    }
}

/// <summary>
/// `<out>/<letter>.html` per letter (the same page as the batch report, one letter each, titled by
/// its letter, written by the worker that processed it), and `<out>/index.html` listing every
/// letter (council, date, kind, fields found and missing, failure) with a link to its page.
/// </summary>
public sealed class HtmlLetterPagesWriter(string directory, IReadOnlyList<string>? outputFields = null) : ILetterWriter
{
    private sealed record Row(string Letter, string? Council, string? Date, string? Kind, int Found, IReadOnlyList<string> Missing, string? Error);

    private readonly List<Row> _rows = [];

    private static string E(string text) => System.Net.WebUtility.HtmlEncode(text);

    public LetterOutcome Prepare(LetterOutcome outcome)
    {
        var page = new StringWriter { NewLine = "\n" };
        page.Write(HtmlLetters.HeaderTitled(outcome.Source.Name));
        page.Write("<p><a href=\"" + IndexLink(outcome.Source.Name) + "\">all letters</a></p>\n");
        HtmlLetters.Render(page, outcome, "l0");
        page.Write(HtmlLetters.Footer);
        AtomicFile.WriteAllText(Path.Combine(directory, outcome.Source.Name + ".html"), page.ToString());
        return outcome.ForSummary();
    }

    public void Write(LetterOutcome outcome)
    {
        if (outcome.Result is not { } result)
        {
            _rows.Add(new Row(outcome.Source.Name, null, null, null, 0, [], outcome.Error ?? "failed"));
            return;
        }
        string? Text(string field) => result.Record[field] switch { TextValue t => t.Text, DateValue d => d.Iso, null => null, var v => v.ToJson() };
        var missing = (outputFields ?? []).Where(f => !result.Record.Fields.ContainsKey(f)).ToList();
        _rows.Add(new Row(result.Name, Text("council"), Text("date"), Text("kind"), result.Record.Fields.Count, missing, null));
    }

    public bool ShowsLetterText => true;

    /// <summary>The index page, written whole at the end (atomically, as every output).</summary>
    public void Complete()
    {
        var index = new StringWriter { NewLine = "\n" };
        index.Write(HtmlLetters.HeaderTitled($"{_rows.Count} letter(s)"));
        index.Write("<table><tr><th>letter</th><th>council</th><th>date</th><th>kind</th><th>fields found</th><th>missing</th></tr>\n");
        foreach (var row in _rows)
        {
            // A failed letter has no page: its row says why instead of linking.
            var name = row.Error is null ? $"<a href=\"{PageLink(row.Letter)}\">{E(row.Letter)}</a>" : E(row.Letter);
            var missing = row.Error is not null ? $"<strong>failed</strong>: {E(row.Error)}" : row.Missing.Count == 0 ? "none" : E(string.Join(", ", row.Missing));
            index.Write($"<tr><td>{name}</td><td>{E(row.Council ?? "")}</td><td>{E(row.Date ?? "")}</td><td>{E(row.Kind ?? "")}</td><td>{row.Found}</td><td>{missing}</td></tr>\n");
        }
        index.Write("</table>\n");
        index.Write(HtmlLetters.Footer);
        // A letter named `index` keeps its page: the list then goes beside it, never over it.
        AtomicFile.WriteAllText(Path.Combine(directory, _rows.Any(r => r.Letter == "index") ? "index-of-letters.html" : "index.html"), index.ToString());
    }

    // Ids may hold folders (`2009/derby`): each part escaped for a URL, the folders kept.
    private static string PageLink(string letter) => string.Join('/', letter.Split('/').Select(Uri.EscapeDataString)) + ".html";

    private static string IndexLink(string letter) => string.Concat(Enumerable.Repeat("../", letter.Count(c => c == '/'))) + "index.html";
}
