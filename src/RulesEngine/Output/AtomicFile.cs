using System.Text;

namespace RulesEngine.Output;

/// <summary>Writes a file so that readers see either the old content or the whole new one, never a torn file.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>A hidden temporary file beside <paramref name="path"/> (so the final rename stays on one file system), its folder created.</summary>
    public static string TemporaryPathFor(string path)
    {
        var temporary = TemporaryName(path);
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        return temporary;
    }

    // Unique across processes by the process's own random part, within it by a counter: a new
    // Guid per file asked the system for random bytes every time.
    private static readonly string ProcessPart = $"{Environment.ProcessId}.{Guid.NewGuid():N}";
    private static long _written;

    private static string TemporaryName(string path)
    {
        // A batch's paths are absolute already: normalising each again was half of naming it. A
        // `..` left in one only names the same folder another way.
        var full = Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{ProcessPart}.{Interlocked.Increment(ref _written)}.tmp");
    }

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = TemporaryName(path);
        try
        {
            try
            {
                WriteNew(temporary, bytes);
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
            {
                // The folder is made on the first write into it, not checked before every file. When
                // another worker creates it between our failed open and .NET's look at the parent,
                // the error arrives as FileNotFoundException instead: both mean "make the folder".
                Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
                WriteNew(temporary, bytes);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>
    /// The temporary name is unique, so the file is created new and unshared: fewer system calls
    /// than File.WriteAllBytes (measured: about a quarter less time for 10,000 files).
    /// </summary>
    private static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(handle, bytes, 0);
    }
}
