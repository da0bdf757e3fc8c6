using System.Text;
using RulesEngine.Reading.Formats;

namespace RulesEngine.Reading;

/// <summary>A letter's text as loaded from disk or stdin, or the reason it could not be.</summary>
public sealed record LoadedLetter(string Name, string Path, string? Text, string? Error, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Error is null;

    /// <summary>The text when it was decoded into a pool's buffer instead of a string (see <see cref="LetterLoader.Load(LetterSource, TokenPool, int)"/>).</summary>
    internal ReadOnlyMemory<char> Chars { get; init; }

    /// <summary>What the letter arrived as; a web page, Word file or PDF is read into text first (<see cref="DocumentConverter"/>).</summary>
    public LetterFormat Format { get; init; } = LetterFormat.Text;

    /// <summary>How a text letter's bytes were decoded, when not as UTF-8: a decision the record and the run's summary show.</summary>
    public LetterEncoding? Encoding { get; init; }
}

/// <summary>
/// Loads letter files. The format is told by content: a PDF, Word file or web page is read into
/// the engine's text by its reader (<see cref="DocumentConverter"/>). Text must be UTF-8: other
/// binary files are rejected, invalid byte sequences are replaced with U+FFFD and reported as a
/// warning, since a converter's stray byte should not cost an analyst the rest of the letter.
/// </summary>
public static class LetterLoader
{
    // Letters are 5-25 KB; 4 MB leaves room for any real letter while keeping one letter's tokens well inside the memory budget.
    public const int DefaultMaxBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static LoadedLetter Load(LetterSource source, int maxBytes = DefaultMaxBytes) => Load(source, into: null, maxBytes);

    /// <summary>
    /// As <see cref="Load(LetterSource, int)"/>, decoding into <paramref name="into"/>'s text buffer
    /// (<see cref="LoadedLetter.Chars"/>) instead of a string, for <see cref="LetterReader"/> to read
    /// with the same pool: a batch's worker then makes no string of each letter's text (16 KB of a
    /// letter's 78 KB of garbage). Valid until the pool's next letter.
    /// </summary>
    internal static LoadedLetter Load(LetterSource source, TokenPool? into, int maxBytes = DefaultMaxBytes)
    {
        if (source.Problem is { } problem) return Fail(source, problem);
        try
        {
            // A file is decoded straight out of the thread's read buffer; other sources hand over an array.
            if (source.FilePath is { } path && LetterSource.ReadFileInto(path, maxBytes + 1, bytes => Decode(source, bytes, maxBytes, into)) is { } loaded)
                return loaded;
            return Decode(source, source.ReadAllBytes(maxBytes + 1), maxBytes, into);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(source, $"cannot read the file: {e.Message}");
        }
    }

    public static LoadedLetter Decode(LetterSource source, byte[] bytes, int maxBytes = DefaultMaxBytes) => Decode(source, bytes.AsSpan(), maxBytes, into: null);

    private static LoadedLetter Decode(LetterSource source, ReadOnlySpan<byte> bytes, int maxBytes, TokenPool? into)
    {
        if (bytes.Length == 0) return Fail(source, "the letter is empty");
        if (bytes.Length > maxBytes) return Fail(source, $"the letter is larger than the limit of {maxBytes / (1024 * 1024)} MB");
        var format = LetterFormats.Detect(bytes, source.FilePath);
        if (format != LetterFormat.Text) return Convert(source, format, bytes.ToArray());
        if (bytes.StartsWith(OleCompoundFile)) return Fail(source, "a legacy Word (.doc) or password-protected Office file; save it as .docx or PDF");
        // UTF-16 letters are full of NUL bytes: their byte-order mark says what they are before the binary test.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return DecodeUtf16(source, bytes);
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) return Fail(source, $"the file is binary, not text (a NUL byte at offset {nul})");

        var warnings = new List<string>();
        // A byte order mark is skipped before decoding: dropping it from the text afterwards copied the whole letter.
        var bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        var content = bytes[bom..];
        string? text = null;
        var chars = Memory<char>.Empty;
        try
        {
            if (into is null) text = Strict.GetString(content);
            else chars = Into(into, content, Strict);
        }
        catch (DecoderFallbackException e)
        {
            // Not UTF-8. A letter saved by an older Windows program is Windows-1252 throughout: no
            // valid UTF-8 sequence beyond ASCII anywhere, and every byte one that code page defines.
            // A UTF-8 letter with a stray byte keeps its UTF-8 and loses only that byte.
            if (bom == 0 && !HasUtf8BeyondAscii(content) && IsWindows1252(content))
            {
                // One byte, one character: the pool's buffer holds it as it holds UTF-8.
                if (into is null) text = Windows1252.Value.GetString(content);
                else chars = Into(into, content, Windows1252.Value);
                if ((text is null ? chars.Span : text.AsSpan()).IsWhiteSpace()) return Fail(source, "the letter is empty (white space only)");
                return new LoadedLetter(source.Name, source.DisplayPath, text, null, warnings) { Chars = text is null ? chars : text.AsMemory(), Encoding = LetterEncoding.Windows1252 };
            }
            if (into is null) text = Encoding.UTF8.GetString(content);
            else chars = Into(into, content, Encoding.UTF8);
            warnings.Add($"{source.DisplayPath}: warning: invalid UTF-8 at byte {bom + e.Index}; such bytes were replaced by U+FFFD");
        }
        if ((text is null ? chars.Span : text.AsSpan()).IsWhiteSpace()) return Fail(source, "the letter is empty (white space only)");
        return new LoadedLetter(source.Name, source.DisplayPath, text, null, warnings) { Chars = text is null ? chars : text.AsMemory() };
    }

    private static LoadedLetter DecodeUtf16(LetterSource source, ReadOnlySpan<byte> bytes)
    {
        var bigEndian = bytes[0] == 0xFE;
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = encoding.GetString(bytes[2..]);
        }
        catch (DecoderFallbackException e)
        {
            return Fail(source, $"the letter starts with a UTF-16 byte-order mark but is not valid UTF-16 (at byte {2 + e.Index})");
        }
        if (text.AsSpan().IsWhiteSpace()) return Fail(source, "the letter is empty (white space only)");
        return new LoadedLetter(source.Name, source.DisplayPath, text, null, []) { Chars = text.AsMemory(), Encoding = bigEndian ? LetterEncoding.Utf16BigEndian : LetterEncoding.Utf16LittleEndian };
    }

    /// <summary>Whether a valid UTF-8 sequence of two or more bytes occurs: then the text is UTF-8 with damage, not another code page.</summary>
    private static bool HasUtf8BeyondAscii(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done && rune.Value >= 0x80) return true;
            bytes = bytes[Math.Max(1, consumed)..];
        }
        return false;
    }

    private static readonly Lazy<Encoding> Windows1252 = new(() => CodePagesEncodingProvider.Instance.GetEncoding(1252)!);

    // Five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are not characters in Windows-1252: a file with them is something else.
    private static bool IsWindows1252(ReadOnlySpan<byte> bytes) => bytes.IndexOfAny((ReadOnlySpan<byte>)[0x81, 0x8D, 0x8F, 0x90, 0x9D]) < 0;

    // The container of .doc files and of encrypted .docx files alike.
    private static ReadOnlySpan<byte> OleCompoundFile => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static LoadedLetter Convert(LetterSource source, LetterFormat format, byte[] bytes)
    {
        var converted = DocumentConverter.Convert(format, bytes);
        if (converted.Failure is { } reason) return Fail(source, reason) with { Format = format };
        var text = converted.Text!;
        return new LoadedLetter(source.Name, source.DisplayPath, text, null, []) { Chars = text.AsMemory(), Format = format };
    }

    // UTF-8 never decodes to more UTF-16 characters than it has bytes.
    private static Memory<char> Into(TokenPool pool, ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var buffer = pool.TextBuffer(bytes.Length);
        return buffer[..encoding.GetChars(bytes, buffer.Span)];
    }

    private static LoadedLetter Fail(LetterSource source, string reason) =>
        new(source.Name, source.DisplayPath, null, $"{source.DisplayPath}: error: {reason}", []);
}
