using RulesEngine.Language.Model;
using RulesEngine.Matching;
using RulesEngine.Reading;

namespace RulesEngine.Language.Compilation;

/// <summary>Facts about patterns that checks need: how many tokens they can cover, and which captures they bind.</summary>
internal sealed class PatternAnalysis(SymbolTable symbols)
{
    /// <summary>The longest span an annotation may cover: as long as any match (a rule made it).</summary>
    public const int MaxAnnotationLength = PikeVm.MaxMatchTokens;

    /// <summary>Splits a literal the way letters are split, so `council's` or `22.30%` stay one token as in the text.</summary>
    public static IReadOnlyList<Token> Tokenise(string phrase) => LetterReader.Read("", phrase).Tokens;

    public (int Min, int? Max) Length(Pattern pattern) => Length(pattern, []);

    private (int Min, int? Max) Length(Pattern pattern, HashSet<string> visiting)
    {
        switch (pattern)
        {
            case LiteralPattern literal:
                var count = Tokenise(literal.Text).Count;
                return (count, count);
            case ReferencePattern reference when symbols.Lexicons.TryGetValue(reference.Name, out var lexicon):
                var phrases = symbols.PhrasesOf(lexicon);
                return (phrases.MinLength, phrases.MaxLength);
            case ReferencePattern reference when symbols.Patterns.TryGetValue(reference.Name, out var named):
                if (!visiting.Add(reference.Name)) return (1, null);
                var result = Length(named.Pattern, visiting);
                visiting.Remove(reference.Name);
                return result;
            case ReferencePattern:
            case RegexPattern:
            case NegationPattern:
                return (1, 1);
            case AnnotationPattern:
                return (1, MaxAnnotationLength);
            case SequencePattern sequence:
                var min = 0;
                int? max = 0;
                foreach (var item in sequence.Items)
                {
                    var (itemMin, itemMax) = Length(item, visiting);
                    min += itemMin;
                    max = max is null || itemMax is null ? null : max + itemMax;
                }
                return (min, max);
            case AlternationPattern alternation:
                var options = alternation.Alternatives.Select(a => Length(a, visiting)).ToList();
                return (options.Min(o => o.Min), options.Any(o => o.Max is null) ? null : options.Max(o => o.Max));
            case RepeatPattern repeat:
                var (innerMin, innerMax) = Length(repeat.Inner, visiting);
                return (innerMin * repeat.Min, repeat.Max is null || innerMax is null ? (innerMax == 0 ? 0 : null) : innerMax * repeat.Max);
            case GapPattern gap:
                return (0, gap.Max);
            case AnchorPattern:
            case LookaroundPattern:
                return (0, 0);
            case CapturePattern capture:
                return Length(capture.Inner, visiting);
            default:
                return (0, 0);
        }
    }

    /// <summary>Every capture a pattern binds, with the type of value it holds.</summary>
    public void Captures(Pattern pattern, Dictionary<string, ValueType> bound)
    {
        switch (pattern)
        {
            case CapturePattern capture:
                bound[capture.Name] = CaptureType(capture.Inner);
                Captures(capture.Inner, bound);
                break;
            case SequencePattern sequence:
                foreach (var item in sequence.Items) Captures(item, bound);
                break;
            case AlternationPattern alternation:
                foreach (var alternative in alternation.Alternatives) Captures(alternative, bound);
                break;
            case RepeatPattern repeat:
                Captures(repeat.Inner, bound);
                break;
            case LookaroundPattern look:
                Captures(look.Inner, bound);
                break;
        }
    }

    public ValueType CaptureType(Pattern inner) => inner switch
    {
        ReferencePattern r when symbols.Lexicons.TryGetValue(r.Name, out var lexicon) => LexiconType(lexicon),
        AnnotationPattern a when symbols.Annotations.TryGetValue(a.Name, out var annotation) => annotation.Type,
        // An unknown name is reported where it is written; a capture of it is of no known type, so
        // no value made from it is reported again as of the wrong type.
        ReferencePattern r when !symbols.Patterns.ContainsKey(r.Name) && !Matching.ClassTest.Names.ContainsKey(r.Name) => ValueType.Any,
        AnnotationPattern => ValueType.Any,
        _ => ValueType.Text,
    };

    public static ValueType LexiconType(Lexicon lexicon)
    {
        var types = lexicon.Entries.Select(e => e.Value switch
        {
            null or string => "text",
            long => "int",
            decimal => "number",
            bool => "bool",
            _ => "any",
        }).Distinct().ToList();
        return types.Count == 1 ? new ValueType(types[0]) : types.All(t => t is "int" or "number") ? ValueType.Number : ValueType.Any;
    }

    /// <summary>A case-insensitive literal of one word: alternatives of these compile to one set test.</summary>
    public static bool IsPlainWord(Pattern pattern) =>
        pattern is LiteralPattern { Exact: false } literal && Tokenise(literal.Text).Count == 1;

    /// <summary>Whether a pattern tests exactly one token (what `!` may negate).</summary>
    public bool IsSingleTokenTest(Pattern pattern) => pattern switch
    {
        LiteralPattern l => Tokenise(l.Text).Count == 1,
        ReferencePattern r when symbols.Lexicons.TryGetValue(r.Name, out var lexicon) => symbols.PhrasesOf(lexicon).AllSingleWords,
        ReferencePattern r => ClassTest.Names.ContainsKey(r.Name),
        RegexPattern => true,
        NegationPattern n => IsSingleTokenTest(n.Inner),
        AlternationPattern a => a.Alternatives.All(IsSingleTokenTest),
        _ => false,
    };
}
