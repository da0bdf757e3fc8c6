using RulesEngine.Batch;
using RulesEngine.Matching;

namespace RulesEngine.Output;

/// <summary>
/// `<out>/<letter>.html` per letter (the same page as the batch report, one letter each, titled by
/// its letter, written by the worker that processed it), and `<out>/index.html` listing every
/// letter (council, date, kind, fields found and missing, failure) with a link to its page.
/// </summary>
public sealed class HtmlLetterPagesWriter(string directory, RuleProgram? program = null) : ILetterWriter
{
    private readonly HtmlLetterIndex _index = new(program);

    public LetterOutcome Prepare(LetterOutcome outcome)
    {
        var page = new StringWriter { NewLine = "\n" };
        page.Write(HtmlLetters.HeaderTitled(outcome.Source.Name));
        page.Write("<p><a href=\"" + IndexLink(outcome.Source.Name) + "\">all letters</a></p>\n");
        HtmlLetters.Render(page, outcome, "l0", program);
        page.Write(HtmlLetters.Footer);
        AtomicFile.WriteAllText(Path.Combine(directory, outcome.Source.Name + ".html"), page.ToString());
        return outcome.ForSummary();
    }

    public void Write(LetterOutcome outcome) => _index.Add(outcome, PageLink(outcome.Source.Name));

    public bool ShowsLetterText => true;

    /// <summary>The index page, written whole at the end (atomically, as every output).</summary>
    public void Complete()
    {
        var index = new StringWriter { NewLine = "\n" };
        index.Write(HtmlLetters.HeaderTitled($"{_index.Count} letter(s)"));
        // A failed letter has no page: its row says why instead of linking.
        _index.WriteTable(index, linkFailures: false);
        index.Write(HtmlLetters.Footer);
        // A letter named `index` keeps its page: the list then goes beside it, never over it.
        AtomicFile.WriteAllText(Path.Combine(directory, _index.Letters.Contains("index") ? "index-of-letters.html" : "index.html"), index.ToString());
    }

    // Ids may hold folders (`2009/derby`): each part escaped for a URL, the folders kept.
    private static string PageLink(string letter) => string.Join('/', letter.Split('/').Select(Uri.EscapeDataString)) + ".html";

    private static string IndexLink(string letter) => string.Concat(Enumerable.Repeat("../", letter.Count(c => c == '/'))) + "index.html";
}
