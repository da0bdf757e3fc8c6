using System.Text;
using RulesEngine.Batch;
using RulesEngine.Matching;

namespace RulesEngine.Output;

/// <summary>
/// The batch's HTML report: `report.html` opens with a table of contents (every letter's council,
/// date, kind, fields found and missing, or failure) linking to the letter, shown with a table of
/// its fields and its text with every value's evidence highlighted. Up to
/// <see cref="LettersPerPage"/> letters it is one page; a larger batch is split into
/// `report-N.html` pages of that many letters, each linking to the contents and its neighbours,
/// so that 3,000 letters are 30 pages a browser opens at once, not one page of 75 MB. Every piece
/// of letter text is escaped. Files appear whole (the contents last).
/// </summary>
public sealed class HtmlReportWriter(string path, RuleProgram? program = null) : ILetterWriter
{
    public const int LettersPerPage = 100;

    private readonly HtmlLetterIndex _index = new(program);
    private readonly List<string> _pagesWritten = [];
    private StringWriter _page = new() { NewLine = "\n" };
    private int _onPage;

    public bool ShowsLetterText => true;

    private string PagePath(int number) => Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{number}.html");

    private string PageName(int number) => Path.GetFileName(PagePath(number));

    public void Write(LetterOutcome outcome)
    {
        // A full page is written when the next letter arrives, so that its "next" link always leads somewhere.
        if (_onPage == LettersPerPage) WritePage(hasNext: true);
        var id = $"l{_index.Count}";
        _index.Add(outcome, PageName(_pagesWritten.Count + 1), id);
        HtmlLetters.Render(_page, outcome, id, program);
        _onPage++;
    }

    private void WritePage(bool hasNext)
    {
        var number = _pagesWritten.Count + 1;
        var first = _index.Count - _onPage + 1;
        var page = new StringBuilder(HtmlLetters.HeaderTitled($"letters {first} to {_index.Count}"));
        var navigation = new StringBuilder($"<nav><a href=\"{Path.GetFileName(path)}\">contents</a>");
        if (number > 1) navigation.Append($" · <a href=\"{PageName(number - 1)}\">previous</a>");
        if (hasNext) navigation.Append($" · <a href=\"{PageName(number + 1)}\">next</a>");
        navigation.Append("</nav>\n");
        page.Append(navigation).Append(_page).Append(navigation).Append(HtmlLetters.Footer);
        AtomicFile.WriteAllText(PagePath(number), page.ToString());
        _pagesWritten.Add(PagePath(number));
        _page = new StringWriter { NewLine = "\n" };
        _onPage = 0;
    }

    public void Abandon()
    {
        foreach (var page in _pagesWritten) File.Delete(page);
    }

    public void Complete()
    {
        var single = _pagesWritten.Count == 0;
        if (!single && _onPage > 0) WritePage(hasNext: false);
        var report = new StringWriter { NewLine = "\n" };
        report.Write(HtmlLetters.Header);
        report.Write($"<h2>contents: {_index.Count} letter(s)" + (single ? "" : $" on {_pagesWritten.Count} pages of up to {LettersPerPage}") + "</h2>\n");
        _index.WriteTable(report, linkFailures: true, onThisPage: single);
        if (single) report.Write(_page.ToString());
        report.Write($"<footer>{_index.Count} letter(s)</footer>{HtmlLetters.Footer}");
        AtomicFile.WriteAllText(path, report.ToString());
    }
}
