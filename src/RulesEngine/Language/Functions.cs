namespace RulesEngine.Language;

/// <summary>The conversions an action may apply to a capture, with the type each gives.</summary>
public static class Functions
{
    public sealed record Signature(string Name, int Arity, string ResultType, string Description);

    public static IReadOnlyDictionary<string, Signature> All { get; } = new[]
    {
        new Signature("text", 1, "text", "the matched words, white space made single"),
        new Signature("value", 1, "any", "the capture's value: the lexicon entry's value or the annotation's value"),
        new Signature("lower", 1, "text", "the matched words in lower case"),
        new Signature("upper", 1, "text", "the matched words in upper case"),
        new Signature("title", 1, "text", "names in capitals as usually written: FLO HADLEY -> Flo Hadley"),
        new Signature("number", 1, "number", "digits or number words as a number: 233,200 -> 233200, six -> 6, one third -> 0.333"),
        new Signature("int", 1, "int", "digits or number words as a whole number"),
        new Signature("percent", 1, "number", "a percentage as a number: 22.30% -> 22.3"),
        new Signature("date", 1, "date", "a date as ISO 8601: 9 December 2009 -> 2009-12-09"),
        new Signature("year", 1, "int", "the year of a date or a four-digit number"),
        new Signature("lines", 1, "text[]", "the matched words line by line, as in an address"),
        new Signature("joined", 1, "text", "the matched lines joined with \", \": a title set over two lines becomes one"),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);
}
