using System.Text;
using RulesEngine.Batch;

namespace RulesEngine.Output;

/// <summary>Writes a batch's letters somewhere, one at a time, in batch order; <see cref="Complete"/> makes the output visible.</summary>
public interface ILetterWriter
{
    /// <summary>Called on worker threads, in any order: whatever can be done before the ordered write. Must be thread-safe.</summary>
    LetterOutcome Prepare(LetterOutcome outcome) => outcome;

    void Write(LetterOutcome outcome);

    /// <summary>Publishes what was written (atomically, for writers of whole-batch files).</summary>
    void Complete();

    /// <summary>Drops an unfinished whole-batch file, so an interrupted run leaves only complete files.</summary>
    void Abandon() { }
}

/// <summary>`<out>/<letter>.json` per letter, each written atomically by the worker that processed it.</summary>
public sealed class JsonFilesWriter(string directory) : ILetterWriter
{
    // One buffer per worker thread, reused for every letter: a long letter's JSON is tens of KB,
    // and growing a fresh buffer and copying it out made several times that in garbage.
    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? _buffer;

    public LetterOutcome Prepare(LetterOutcome outcome)
    {
        if (outcome.Result is not { } result) return outcome;
        var buffer = _buffer ??= new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        JsonOutput.SerializeTo(buffer, result);
        AtomicFile.WriteAllBytes(Path.Combine(directory, result.Name + ".json"), buffer.WrittenSpan);
        if (buffer.Capacity > 1 << 20) _buffer = null;
        return outcome;
    }

    public void Write(LetterOutcome outcome) { }

    public void Complete() { }
}

/// <summary>One JSON line per letter, to a stream (stdout) or to a file that appears whole at the end.</summary>
public sealed class JsonLinesWriter : ILetterWriter
{
    private readonly TextWriter _writer;
    private readonly string? _path;
    private readonly string? _temporary;

    public JsonLinesWriter(TextWriter writer) => _writer = writer;

    public JsonLinesWriter(string path)
    {
        _path = path;
        _temporary = AtomicFile.TemporaryPathFor(path);
        _writer = new StreamWriter(_temporary, false, new UTF8Encoding(false)) { NewLine = "\n" };
    }

    public LetterOutcome Prepare(LetterOutcome outcome) =>
        outcome.Result is { } result ? outcome with { Prepared = JsonOutput.Serialize(result, indented: false) } : outcome;

    public void Write(LetterOutcome outcome)
    {
        if (outcome.Result is { } result) _writer.Write((outcome.Prepared ?? JsonOutput.Serialize(result, indented: false)) + "\n");
    }

    public void Complete()
    {
        _writer.Flush();
        if (_path is null) return;
        _writer.Dispose();
        File.Move(_temporary!, _path, overwrite: true);
    }

    public void Abandon()
    {
        _writer.Flush();
        if (_path is null) return;
        _writer.Dispose();
        File.Delete(_temporary!);
    }
}
