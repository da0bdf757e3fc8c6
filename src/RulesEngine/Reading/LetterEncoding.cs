namespace RulesEngine.Reading;

/// <summary>An encoding a text letter was read in other than UTF-8, the engine's default.</summary>
public enum LetterEncoding
{
    Windows1252,
    Utf16LittleEndian,
    Utf16BigEndian,
}

public static class LetterEncodings
{
    /// <summary>The name a record gives it (`windows-1252`, `utf-16le`, `utf-16be`), as the WHATWG encoding labels do.</summary>
    public static string Name(this LetterEncoding encoding) => encoding switch
    {
        LetterEncoding.Windows1252 => "windows-1252",
        LetterEncoding.Utf16LittleEndian => "utf-16le",
        _ => "utf-16be",
    };

    /// <summary>The name a person reads in the run's summary.</summary>
    public static string Title(this LetterEncoding encoding) => encoding switch
    {
        LetterEncoding.Windows1252 => "Windows-1252",
        LetterEncoding.Utf16LittleEndian => "UTF-16 (little-endian)",
        _ => "UTF-16 (big-endian)",
    };
}
