namespace RulesEngine.Reading;

/// <summary>Where a letter comes from: a file, or standard input (`-`).</summary>
public sealed record LetterSource(string DisplayPath, string Name, Func<int, byte[]> Reader)
{
    public byte[] ReadAllBytes(int limit) => Reader(limit);

    public static LetterSource FromFile(string path) =>
        new(path, System.IO.Path.GetFileNameWithoutExtension(path), limit => ReadFile(path, limit));

    public static LetterSource FromStream(string displayPath, string name, Stream stream) =>
        new(displayPath, name, limit => ReadLimited(stream, limit));

    public static LetterSource FromText(string name, string text) =>
        new(name, name, _ => System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// A regular file is read straight into one array of its size (at most <paramref name="limit"/>):
    /// the chunked copy below made four times a letter's size in garbage. Files that report no
    /// length (pipes, /proc) take the chunked path.
    /// </summary>
    private static byte[] ReadFile(string path, int limit)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length <= 0) return ReadLimited(new FileStream(handle, FileAccess.Read, bufferSize: 0), limit);
        var bytes = new byte[(int)Math.Min(length, limit)];
        var filled = 0;
        int read;
        while (filled < bytes.Length && (read = RandomAccess.Read(handle, bytes.AsSpan(filled), filled)) > 0) filled += read;
        return filled == bytes.Length ? bytes : bytes[..filled];
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

/// <summary>Expands command-line inputs (files, folders searched recursively, globs, `-`) into letters, in a stable order.</summary>
public static class LetterSources
{
    public static IEnumerable<LetterSource> Expand(IEnumerable<string> inputs, Stream? standardInput = null)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                yield return LetterSource.FromStream("<stdin>", "stdin", standardInput ?? Console.OpenStandardInput());
            }
            else if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return LetterSource.FromFile(file);
            }
            else if (input.IndexOfAny(['*', '?']) >= 0)
            {
                foreach (var file in Glob(input)) yield return LetterSource.FromFile(file);
            }
            else
            {
                yield return LetterSource.FromFile(input);
            }
        }
    }

    private static IEnumerable<string> Glob(string pattern)
    {
        var directory = Path.GetDirectoryName(pattern);
        var filePattern = Path.GetFileName(pattern);
        var root = string.IsNullOrEmpty(directory) ? "." : directory;
        var recursive = root.EndsWith("**", StringComparison.Ordinal);
        if (recursive) root = root[..^2].TrimEnd('/', '\\');
        if (string.IsNullOrEmpty(root)) root = ".";
        if (!Directory.Exists(root)) return [];
        var files = Directory.EnumerateFiles(root, filePattern, recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly);
        return files.Select(f => root == "." && string.IsNullOrEmpty(directory) ? Path.GetFileName(f) : f).Order(StringComparer.Ordinal);
    }
}
