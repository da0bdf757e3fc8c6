using System.Text;

namespace RulesEngine.Output;

/// <summary>Writes a file so that readers see either the old content or the whole new one, never a torn file.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A hidden temporary file beside <paramref name="path"/>, so the final rename stays on one file system.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Created = new(StringComparer.Ordinal);

    public static string TemporaryPathFor(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Created.ContainsKey(directory) || !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            Created.TryAdd(directory, true);
        }
        return Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var temporary = TemporaryPathFor(path);
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
