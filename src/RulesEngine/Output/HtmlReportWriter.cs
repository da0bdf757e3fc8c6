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
        _writer.Write("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>RulesEngine report</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}
            pre{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em}
            mark{background:#fff2a8}mark:target{background:#ffb347;outline:2px solid #c60}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
            </style></head><body>
            <h1>RulesEngine report</h1>

            """);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    public void Write(LetterOutcome outcome)
    {
        var id = $"l{_letters++}";
        _writer.Write($"<section id=\"{id}\"><h2>{E(outcome.Source.DisplayPath)}</h2>\n");
        if (outcome.Result is not { } result || outcome.Text is not { } text)
        {
            _writer.Write($"<p class=\"error\">{E(outcome.Error ?? "not processed")}</p></section>\n");
            return;
        }
        var evidence = result.Evidence.ToList();
        _writer.Write("<table><tr><th>field</th><th>value</th><th>rule</th></tr>\n");
        for (var i = 0; i < evidence.Count; i++)
        {
            var (path, item) = evidence[i];
            _writer.Write($"<tr><td><a href=\"#{id}-e{i}\">{E(path)}</a></td><td>{E(ValueAt(result, path))}</td><td>{E(item.Rule)}</td></tr>\n");
        }
        _writer.Write("</table>\n<pre>");
        WriteHighlighted(text, evidence, id);
        _writer.Write("</pre></section>\n");
    }

    /// <summary>Cuts the text at every evidence boundary so overlapping spans still highlight; each span's first piece carries its anchor.</summary>
    private void WriteHighlighted(string text, List<KeyValuePair<string, Evidence>> evidence, string id)
    {
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var (_, item) in evidence)
        {
            cuts.Add(Math.Clamp(item.Start, 0, text.Length));
            cuts.Add(Math.Clamp(item.End, 0, text.Length));
        }
        var anchored = new HashSet<int>();
        var bounds = cuts.ToList();
        for (var c = 0; c + 1 < bounds.Count; c++)
        {
            var (from, to) = (bounds[c], bounds[c + 1]);
            var covering = evidence.Select((e, i) => (e, i)).Where(x => x.e.Value.Start <= from && x.e.Value.End >= to && x.e.Value.End > x.e.Value.Start).ToList();
            var piece = E(text[from..to]);
            if (covering.Count == 0)
            {
                _writer.Write(piece);
                continue;
            }
            var title = string.Join("; ", covering.Select(x => $"{x.e.Key} ({x.e.Value.Rule})"));
            var anchor = covering.FirstOrDefault(x => x.e.Value.Start == from && anchored.Add(x.i));
            var idAttribute = anchor.e.Key is null ? "" : $" id=\"{id}-e{anchor.i}\"";
            foreach (var other in covering.Where(x => x.e.Value.Start == from && x.i != anchor.i && anchored.Add(x.i)))
                _writer.Write($"<a id=\"{id}-e{other.i}\"></a>");
            _writer.Write($"<mark{idAttribute} title=\"{E(title)}\">{piece}</mark>");
        }
    }

    private static string ValueAt(LetterResult result, string path)
    {
        var current = ValuePaths.Resolve(result.Record, path);
        return current switch
        {
            null => "",
            TextValue t => t.Text,
            DateValue d => d.Iso,
            _ => current.ToJson(),
        };
    }

    public void Abandon()
    {
        _writer.Dispose();
        File.Delete(_temporary);
    }

    public void Complete()
    {
        _writer.Write($"<footer>{_letters} letter(s)</footer></body></html>\n");
        _writer.Dispose();
        File.Move(_temporary, _path, overwrite: true);
    }
}
