namespace RulesEngine.Reading;

/// <summary>Where a letter comes from: a file, or standard input (`-`).</summary>
public sealed record LetterSource(string DisplayPath, string Name, Func<int, byte[]> Reader)
{
    public byte[] ReadAllBytes(int limit) => Reader(limit);

    /// <summary>The file a letter comes from, if it is one: the loader reads those into a reused buffer instead of through <see cref="Reader"/>.</summary>
    internal string? FilePath { get; private init; }

    /// <summary>Why this letter cannot be had at all (a JSON Lines input line that is not a letter): the loader reports it as the letter's error, after the letter's place.</summary>
    public string? Problem { get; init; }

    public static LetterSource FromFile(string path, string name) => FromFile(path) with { Name = name };

    public static LetterSource FromBytes(string displayPath, string name, byte[] bytes) => new(displayPath, name, _ => bytes);

    public static LetterSource Unreadable(string displayPath, string name, string problem) =>
        new(displayPath, name, _ => []) { Problem = problem };

    public static LetterSource FromFile(string path) =>
        new(path, System.IO.Path.GetFileNameWithoutExtension(path), limit => ReadFile(path, limit)) { FilePath = path };

    public static LetterSource FromStream(string displayPath, string name, Stream stream) =>
        new(displayPath, name, limit => ReadLimited(stream, limit));

    public static LetterSource FromText(string name, string text) =>
        new(name, name, _ => System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>A regular file is read in one go (see <see cref="ReadFileInto"/>); files that report no length (pipes, /proc) in chunks.</summary>
    private static byte[] ReadFile(string path, int limit) =>
        ReadFileInto(path, limit, static bytes => bytes.ToArray()) ?? ReadLimited(File.OpenRead(path), limit);

    // The buffer a thread reads its letters' files into: the text is decoded out of it at once, so
    // one per thread serves every letter (an array per letter was 8 KB of garbage each). One grown
    // for an unusually large letter is let go rather than kept.
    private const int KeptBufferSize = 1 << 20;
    [ThreadStatic] private static byte[]? _buffer;

    /// <summary>
    /// Reads a regular file (at most <paramref name="limit"/> bytes) into this thread's buffer and
    /// hands the bytes to <paramref name="use"/>, which must not keep them; null when the file
    /// reports no length (a pipe, /proc), for the caller to read another way.
    /// </summary>
    internal static T? ReadFileInto<T>(string path, int limit, Func<ReadOnlySpan<byte>, T> use) where T : class
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length <= 0) return null;
        var size = (int)Math.Min(length, limit);
        var buffer = _buffer is { } kept && kept.Length >= size ? kept : new byte[Math.Max(size, 16 * 1024)];
        if (buffer.Length <= KeptBufferSize) _buffer = buffer;
        var filled = 0;
        int read;
        while (filled < size && (read = RandomAccess.Read(handle, buffer.AsSpan(filled, size - filled), filled)) > 0) filled += read;
        return use(buffer.AsSpan(0, filled));
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes, so a huge file costs no more memory than the limit.</summary>
    private static byte[] ReadLimited(Stream stream, int limit)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
                buffer.Write(chunk, 0, read);
            return buffer.ToArray();
        }
    }
}
