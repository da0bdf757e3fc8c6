namespace RulesEngine.Reading.Formats;

/// <summary>The kinds of file a letter arrives as. Every one is read into the same document model.</summary>
public enum LetterFormat
{
    Text,
    Html,
    Word,
    Pdf,
}

public static class LetterFormats
{
    /// <summary>The name a record and <c>read</c> give the format (`text`, `html`, `docx`, `pdf`).</summary>
    public static string Name(this LetterFormat format) => format switch
    {
        LetterFormat.Html => "html",
        LetterFormat.Word => "docx",
        LetterFormat.Pdf => "pdf",
        _ => "text",
    };

    /// <summary>File name endings a folder is searched for. Content decides the format; these only pick files.</summary>
    public static readonly IReadOnlyList<string> FolderExtensions = [".txt", ".html", ".htm", ".docx", ".pdf"];

    public static bool IsLetterFileName(string path)
    {
        foreach (var extension in FolderExtensions)
            if (path.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// The format of a letter's bytes, by content (Tika's way): `%PDF-`, a ZIP package (Word's
    /// container), an HTML document's opening; anything else is text. Extensions lie (a web page
    /// saved as .txt, a PDF without an extension), bytes do not.
    /// </summary>
    /// <param name="fileName">The file's name, if any: a `.html` file that starts with a tag is a page even without a doctype (a fragment saved from a site).</param>
    public static LetterFormat Detect(ReadOnlySpan<byte> bytes, string? fileName = null)
    {
        var start = SkipByteOrderMarkAndSpace(bytes);
        if (start.StartsWith("%PDF-"u8)) return LetterFormat.Pdf;
        // A PDF may have a few bytes of junk before its header (the specification allows 1 KB); a
        // text letter has no NUL byte, so the header is looked for only in a head that has one.
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf((byte)0) >= 0 && head.IndexOf("%PDF-"u8) >= 0) return LetterFormat.Pdf;
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return LetterFormat.Word;
        if (LooksLikeHtml(start)) return LetterFormat.Html;
        if (start.StartsWith("<"u8) && fileName is not null &&
            (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)))
            return LetterFormat.Html;
        return LetterFormat.Text;
    }

    private static ReadOnlySpan<byte> SkipByteOrderMarkAndSpace(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var i = 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return bytes[i..];
    }

    // A text letter may hold inline tags (`<b>`, `<p>`), so only a document's opening counts:
    // a doctype, or <html>/<head>/<body> before any text.
    private static bool LooksLikeHtml(ReadOnlySpan<byte> start)
    {
        var head = start[..Math.Min(start.Length, 512)];
        if (StartsWithIgnoreCase(head, "<!doctype html"u8) || StartsWithIgnoreCase(head, "<html"u8)) return true;
        if (StartsWithIgnoreCase(head, "<?xml"u8) || StartsWithIgnoreCase(head, "<!--"u8))
        {
            // An XHTML page or a commented page: its <html> comes within the first few hundred bytes.
            return IndexOfIgnoreCase(head, "<html"u8) >= 0;
        }
        return StartsWithIgnoreCase(head, "<head"u8) || StartsWithIgnoreCase(head, "<body"u8);
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> prefix) =>
        bytes.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(bytes[..prefix.Length], prefix);

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> value)
    {
        for (var i = 0; i + value.Length <= bytes.Length; i++)
            if (System.Text.Ascii.EqualsIgnoreCase(bytes.Slice(i, value.Length), value)) return i;
        return -1;
    }
}
