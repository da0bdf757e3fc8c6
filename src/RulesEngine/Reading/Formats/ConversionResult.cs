namespace RulesEngine.Reading.Formats;

/// <summary>A document turned into the engine's text, or the reason it could not be (encrypted, no text layer, corrupt).</summary>
public sealed record ConversionResult(string? Text, string? Failure)
{
    public static ConversionResult Read(string text) => new(text, null);

    public static ConversionResult Failed(string reason) => new(null, reason);
}
