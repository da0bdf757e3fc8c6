using System.Text;

namespace RulesEngine.Reading;

/// <summary>A letter's text as loaded from disk or stdin, or the reason it could not be.</summary>
public sealed record LoadedLetter(string Name, string Path, string? Text, string? Error, IReadOnlyList<string> Warnings)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Loads letter files. Text must be UTF-8: binary files are rejected, invalid byte sequences
/// are replaced with U+FFFD and reported as a warning, since a converter's stray byte should
/// not cost an analyst the rest of the letter.
/// </summary>
public static class LetterLoader
{
    // Letters are 5-25 KB; 4 MB leaves room for any real letter while keeping one letter's tokens well inside the memory budget.
    public const int DefaultMaxBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static LoadedLetter Load(LetterSource source, int maxBytes = DefaultMaxBytes)
    {
        try
        {
            // A file is decoded straight out of the thread's read buffer; other sources hand over an array.
            if (source.FilePath is { } path && LetterSource.ReadFileInto(path, maxBytes + 1, bytes => Decode(source, bytes, maxBytes)) is { } loaded)
                return loaded;
            return Decode(source, source.ReadAllBytes(maxBytes + 1), maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(source, $"cannot read the file: {e.Message}");
        }
    }

    public static LoadedLetter Decode(LetterSource source, byte[] bytes, int maxBytes = DefaultMaxBytes) => Decode(source, bytes.AsSpan(), maxBytes);

    private static LoadedLetter Decode(LetterSource source, ReadOnlySpan<byte> bytes, int maxBytes)
    {
        if (bytes.Length == 0) return Fail(source, "the letter is empty");
        if (bytes.Length > maxBytes) return Fail(source, $"the letter is larger than the limit of {maxBytes / (1024 * 1024)} MB");
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) return Fail(source, $"the file is binary, not text (a NUL byte at offset {nul})");

        var warnings = new List<string>();
        // A byte order mark is skipped before decoding: dropping it from the text afterwards copied the whole letter.
        var bom = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = Strict.GetString(bytes[bom..]);
        }
        catch (DecoderFallbackException e)
        {
            text = Encoding.UTF8.GetString(bytes[bom..]);
            warnings.Add($"{source.DisplayPath}: warning: invalid UTF-8 at byte {bom + e.Index}; such bytes were replaced by U+FFFD");
        }
        if (text.AsSpan().IsWhiteSpace()) return Fail(source, "the letter is empty (white space only)");
        return new LoadedLetter(source.Name, source.DisplayPath, text, null, warnings);
    }

    private static LoadedLetter Fail(LetterSource source, string reason) =>
        new(source.Name, source.DisplayPath, null, $"{source.DisplayPath}: error: {reason}", []);
}
