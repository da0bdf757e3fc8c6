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

/// <summary>`<out>/<letter>.html` per letter: the same page as the batch report, one letter each, written by the worker that processed it.</summary>
public sealed class HtmlLetterPagesWriter(string directory) : ILetterWriter
{
    public LetterOutcome Prepare(LetterOutcome outcome)
    {
        var page = new StringWriter { NewLine = "\n" };
        page.Write(HtmlLetters.Header);
        HtmlLetters.Render(page, outcome, "l0");
        page.Write(HtmlLetters.Footer);
        AtomicFile.WriteAllText(Path.Combine(directory, outcome.Source.Name + ".html"), page.ToString());
        return outcome.ForSummary();
    }

    public void Write(LetterOutcome outcome) { }

    public bool ShowsLetterText => true;

    public void Complete() { }
}
