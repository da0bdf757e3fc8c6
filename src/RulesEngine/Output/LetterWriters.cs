using System.Text;
using RulesEngine.Batch;

namespace RulesEngine.Output;

/// <summary>Writes a batch's letters somewhere, one at a time, in batch order; <see cref="Complete"/> makes the output visible.</summary>
public interface ILetterWriter
{
    /// <summary>
    /// Called on worker threads, in any order: whatever can be done before the ordered write. Must be
    /// thread-safe. What it returns is what <see cref="Write"/> and the run's summary get: a writer
    /// done with the letter returns <see cref="LetterOutcome.ForSummary"/>.
    /// </summary>
    LetterOutcome Prepare(LetterOutcome outcome) => outcome;

    void Write(LetterOutcome outcome);

    /// <summary>Whether <see cref="Write"/> shows the letter's own text (<see cref="LetterOutcome.Text"/>); other writers spare the run a copy of every letter.</summary>
    bool ShowsLetterText => false;

    /// <summary>Publishes what was written (atomically, for writers of whole-batch files).</summary>
    void Complete();

    /// <summary>Drops an unfinished whole-batch file, so an interrupted run leaves only complete files.</summary>
    void Abandon() { }
}

/// <summary>`<out>/<letter>.json` per letter, each written atomically by the worker that processed it.</summary>
public sealed class JsonFilesWriter(string directory) : ILetterWriter
{
    // Made absolute once, so that naming each letter's temporary file need not normalise its path.
    private readonly string _directory = Path.GetFullPath(directory);

    public LetterOutcome Prepare(LetterOutcome outcome)
    {
        if (outcome.Result is not { } result) return outcome;
        var json = JsonOutput.SerializeToThreadBuffer(result, indented: true);
        AtomicFile.WriteAllBytes(Path.Combine(_directory, result.Name + ".json"), json.WrittenSpan);
        return outcome.ForSummary();
    }

    public void Write(LetterOutcome outcome) { }

    public void Complete() { }
}

/// <summary>One JSON line per letter, to a stream (stdout) or to a file that appears whole at the end.</summary>
public sealed class JsonLinesWriter : ILetterWriter
{
    private readonly TextWriter? _text;
    private readonly Stream? _file;
    private readonly string? _path;
    private readonly string? _temporary;

    public JsonLinesWriter(TextWriter writer) => _text = writer;

    /// <summary>
    /// Whether a letter that failed gets a line too, `{"letter": name, "error": reason}`: a stream
    /// filter's consumer pairs lines in with lines out, so none may go missing.
    /// </summary>
    public bool WritesFailures { get; init; }

    public JsonLinesWriter(string path)
    {
        _path = path;
        _temporary = AtomicFile.TemporaryPathFor(path);
        _file = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
    }

    public LetterOutcome Prepare(LetterOutcome outcome) =>
        outcome.Result is { } result ? outcome.ForSummary() with { Prepared = Line(result) } : outcome;

    // Workers serialise each line to UTF-8 and hand over exact bytes; the file gets them as they
    // are (a string per line, then a copy with its newline, then encoding back to UTF-8 on the one
    // writing thread cost more than the serialising).
    private static byte[] Line(LetterResult result)
    {
        var buffer = JsonOutput.SerializeToThreadBuffer(result, indented: false);
        System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    public void Write(LetterOutcome outcome)
    {
        if (outcome.Result is not { } result)
        {
            if (WritesFailures && outcome.Error is { } error) WriteLine(FailureLine(outcome.Source.Name, error));
            return;
        }
        WriteLine(outcome.Prepared ?? Line(result));
    }

    private static byte[] FailureLine(string letter, string error)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("letter", letter);
            json.WriteString("error", error);
            json.WriteEndObject();
        }
        System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteLine(byte[] line)
    {
        if (_file is not null) _file.Write(line);
        else _text!.Write(Encoding.UTF8.GetString(line));
    }

    public void Complete()
    {
        if (Close()) File.Move(_temporary!, _path!, overwrite: true);
    }

    public void Abandon()
    {
        if (Close()) File.Delete(_temporary!);
    }

    /// <summary>Flushes the text writer, or closes the temporary file and says there is one to publish or drop.</summary>
    private bool Close()
    {
        if (_file is null)
        {
            _text!.Flush();
            return false;
        }
        _file.Dispose();
        return true;
    }
}
