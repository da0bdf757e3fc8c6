using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RulesEngine.Output;

/// <summary>
/// Writes records as JSON: keys sorted, numbers and dates culture-invariant, `\n` line ends,
/// so the same letter and rules always give the same bytes.
/// </summary>
public static class JsonOutput
{
    // Without the writer's check of every token against the document's structure: the writing
    // below is fixed code over well-formed values, and every snapshot test parses what it writes.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // Property names the writer would otherwise encode and check on every evidence entry.
    private static readonly JsonEncodedText EvidenceName = JsonEncodedText.Encode("evidence");
    private static readonly JsonEncodedText RuleName = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText TextName = JsonEncodedText.Encode("text");
    private static readonly JsonEncodedText LetterName = JsonEncodedText.Encode("letter");
    private static readonly JsonEncodedText FormatName = JsonEncodedText.Encode("format");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText EncodingName = JsonEncodedText.Encode("encoding");

    public static string Serialize(Value value, bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact)) Write(writer, value);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The letter's record with an `evidence` object beside the fields: path -> rule, character
    /// span, line:column and text. The rule's file and line are left out so that editing one
    /// rule does not shift every snapshot; `explain` shows them.
    /// </summary>
    public static string Serialize(LetterResult result, bool indented = true, bool withEvidence = true) =>
        Encoding.UTF8.GetString(SerializeToUtf8(result, indented, withEvidence));

    /// <summary>The same JSON as UTF-8 bytes, ready for a file without a round trip through a string.</summary>
    public static byte[] SerializeToUtf8(LetterResult result, bool indented = true, bool withEvidence = true)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16 * 1024);
        SerializeTo(buffer, result, indented, withEvidence);
        return buffer.WrittenSpan.ToArray();
    }

    // One buffer per worker thread, reused for every letter: a long letter's JSON is tens of KB,
    // and growing a fresh buffer and copying it out made several times that in garbage.
    [ThreadStatic] private static System.Buffers.ArrayBufferWriter<byte>? _threadBuffer;

    /// <summary>
    /// The letter's JSON in this thread's reused buffer, for a writer that uses it before the thread
    /// serialises the next letter. A buffer grown for an unusually long letter is let go, not kept.
    /// </summary>
    internal static System.Buffers.ArrayBufferWriter<byte> SerializeToThreadBuffer(LetterResult result, bool indented)
    {
        var buffer = _threadBuffer;
        if (buffer is null || buffer.Capacity > 1 << 20) _threadBuffer = buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        buffer.ResetWrittenCount();
        SerializeTo(buffer, result, indented);
        return buffer;
    }

    /// <summary>The same JSON into a caller's buffer, so a writer of many letters can reuse one.</summary>
    public static void SerializeTo(System.Buffers.IBufferWriter<byte> buffer, LetterResult result, bool indented = true, bool withEvidence = true)
    {
        using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact)) WriteResult(writer, result, withEvidence);
        if (indented) System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
    }

    public static void WriteResult(Utf8JsonWriter writer, LetterResult result, bool withEvidence)
    {
        writer.WriteStartObject();
        writer.WriteString(LetterName, result.Name);
        // Text is the usual case and adds nothing; a record read from a PDF, Word file or page says so.
        if (result.Format != Reading.Formats.LetterFormat.Text) writer.WriteString(FormatName, Reading.Formats.LetterFormats.Name(result.Format));
        if (result.Source is { } source) writer.WriteString(SourceName, source);
        if (result.Encoding is { } encoding) writer.WriteString(EncodingName, Reading.LetterEncodings.Name(encoding));
        foreach (var (name, value) in result.Record.Fields)
        {
            writer.WritePropertyName(name);
            Write(writer, value);
        }
        if (withEvidence)
        {
            writer.WriteStartObject(EvidenceName);
            Span<byte> lineColumn = stackalloc byte[24];
            foreach (var (path, evidence) in ListPathComparer.InCountingOrder(result.Evidence))
            {
                writer.WriteStartObject(path);
                writer.WriteString(RuleName, evidence.Rule);
                writer.WriteNumber(StartName, evidence.Start);
                writer.WriteNumber(EndName, evidence.End);
                // Formatted in place: a string per evidence entry was a good part of the garbage, and
                // an interpolated write's handler cost as much again as the two numbers.
                System.Buffers.Text.Utf8Formatter.TryFormat(evidence.Line, lineColumn, out var written);
                lineColumn[written++] = (byte)':';
                System.Buffers.Text.Utf8Formatter.TryFormat(evidence.Column, lineColumn[written..], out var columnWritten);
                writer.WriteString(LineName, lineColumn[..(written + columnWritten)]);
                writer.WriteString(TextName, evidence.Text);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Value value)
    {
        switch (value)
        {
            case TextValue text: writer.WriteStringValue(text.Text); break;
            case NumberValue number when number.IsWhole: writer.WriteNumberValue(decimal.Truncate(number.Number)); break;
            case NumberValue number: writer.WriteNumberValue(number.Number / 1.0000000000000000000000000000m); break;
            case BoolValue flag: writer.WriteBooleanValue(flag.Flag); break;
            case DateValue date: writer.WriteStringValue(date.Iso); break;
            case ObjectValue obj:
                writer.WriteStartObject();
                foreach (var (name, field) in obj.Fields)
                {
                    writer.WritePropertyName(name);
                    Write(writer, field);
                }
                writer.WriteEndObject();
                break;
            case ListValue list:
                writer.WriteStartArray();
                foreach (var item in list.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
        }
    }
}
