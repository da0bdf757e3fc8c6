using System.Net;
using RulesEngine.Batch;

namespace RulesEngine.Output;

/// <summary>Renders letters as HTML with their evidence highlighted; every piece of letter text is escaped.</summary>
public static class HtmlLetters
{
    public const string Header = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>RulesEngine report</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;max-width:80em}
            pre{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em}
            mark{background:#fff2a8}mark:target{background:#ffb347;outline:2px solid #c60}
            tr.missing td{color:#a00}nav{margin:1em 0}
            table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
            </style></head><body>
            <h1>RulesEngine report</h1>

            """;

    public const string Footer = "</body></html>\n";

    /// <summary>The report's header with a page title of its own (a letter's page is titled by its letter).</summary>
    public static string HeaderTitled(string title) =>
        Header.Replace("<title>RulesEngine report</title>", $"<title>{E(title)}</title>").Replace("<h1>RulesEngine report</h1>", $"<h1>{E(title)}</h1>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>One letter's section: its fields linked to their evidence, the fields its kind should have and it lacks marked missing, and its text with the evidence highlighted.</summary>
    public static void Render(TextWriter output, LetterOutcome outcome, string id, Matching.RuleProgram? program = null)
    {
        output.Write($"<section id=\"{id}\"><h2>{E(outcome.Source.DisplayPath)}</h2>\n");
        if (outcome.Result is not { } result || outcome.Text is not { } text)
        {
            output.Write($"<p class=\"error\">{E(outcome.Error ?? "not processed")}</p></section>\n");
            return;
        }
        var evidence = ListPathComparer.InCountingOrder(result.Evidence).ToList();
        output.Write("<table><tr><th>field</th><th>value</th><th>rule</th></tr>\n");
        for (var i = 0; i < evidence.Count; i++)
        {
            var (path, item) = evidence[i];
            output.Write($"<tr><td><a href=\"#{id}-e{i}\">{E(path)}</a></td><td>{E(ValueAt(result, path))}</td><td>{E(item.Rule)}</td></tr>\n");
        }
        if (program is not null)
            foreach (var field in program.MissingFields(result.Record))
                output.Write($"<tr class=\"missing\"><td>{E(field)}</td><td><em>missing</em></td><td></td></tr>\n");
        output.Write("</table>\n<pre>");
        WriteHighlighted(output, text, evidence, id);
        output.Write("</pre></section>\n");
    }

    /// <summary>Cuts the text at every evidence boundary so overlapping spans still highlight; each span's first piece carries its anchor.</summary>
    private static void WriteHighlighted(TextWriter output, string text, List<KeyValuePair<string, Evidence>> evidence, string id)
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
                output.Write(piece);
                continue;
            }
            var title = string.Join("; ", covering.Select(x => $"{x.e.Key} ({x.e.Value.Rule})"));
            var anchor = covering.FirstOrDefault(x => x.e.Value.Start == from && anchored.Add(x.i));
            var idAttribute = anchor.e.Key is null ? "" : $" id=\"{id}-e{anchor.i}\"";
            foreach (var other in covering.Where(x => x.e.Value.Start == from && x.i != anchor.i && anchored.Add(x.i)))
                output.Write($"<a id=\"{id}-e{other.i}\"></a>");
            output.Write($"<mark{idAttribute} title=\"{E(title)}\">{piece}</mark>");
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
}
