using System.Collections.Immutable;
using RulesEngine.Language.Model;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Matching;

/// <summary>A value an action computed, with the evidence of each leaf by its path below the value.</summary>
internal readonly record struct EvaluatedValue(Value Value, ReadOnlyMemory<(string Path, Evidence Evidence)> Evidence);

/// <summary>Computes the values of a match's actions from its captures.</summary>
internal sealed class ActionEvaluator(MatchContext context)
{
    // One collector for every action of the letter, in the letter's match buffers: each value's
    // evidence is the slice its evaluation added.
    private readonly EvidenceEntries _evidence = context.Buffers.Evidence;

    public EvaluatedValue? Evaluate(Expr expr, in RuleMatch match)
    {
        var start = _evidence.Count;
        if (Evaluate(expr, match, "", _evidence) is { } value) return new EvaluatedValue(value, _evidence.Since(start));
        _evidence.TruncateTo(start);
        return null;
    }

    public object? AnnotationValue(Expr? expr, in RuleMatch match)
    {
        if (expr is null) return context.Document.TextOf(new TokenRange(match.Start, match.End));
        // An annotation keeps its value, not the value's evidence.
        var start = _evidence.Count;
        var value = Evaluate(expr, match, "", _evidence);
        _evidence.TruncateTo(start);
        return value switch
        {
            TextValue t => t.Text,
            NumberValue n => n.Number,
            DateValue d => d.Date,
            BoolValue b => b.Flag,
            var other => other,
        };
    }

    public Evidence EvidenceOf(in RuleMatch match, TokenRange span, string? text = null)
    {
        var (start, end) = context.Document.CharSpan(span);
        var first = span.IsEmpty ? null : context.Tokens[span.Start];
        return new Evidence(match.Rule.Name, match.Rule.LocationText, start, end, first?.Line ?? 0, first?.Column ?? 0,
            text ?? context.Document.TextOf(span));
    }

    private Value? Evaluate(Expr expr, in RuleMatch match, string path, EvidenceEntries evidence)
    {
        switch (expr)
        {
            case LiteralExpr literal:
                evidence.Add((path, EvidenceOf(match, new TokenRange(match.Start, match.End))));
                return FromObject(literal.Value);
            case CaptureExpr capture:
                return FromCapture(match, capture.Name, "value", path, evidence);
            case CallExpr call when call.Arguments is [CaptureExpr argument]:
                var result = FromCapture(match, argument.Name, call.Function, path, evidence);
                foreach (var member in call.Members) result = (result as ObjectValue)?[member];
                return result;
            case ObjectExpr obj:
                return EvaluateInOrder(obj, ObjectLayout.Of(obj), match, path, evidence);
            case ListExpr list:
                var items = ImmutableArray.CreateBuilder<Value>();
                foreach (var item in list.Items)
                    if (Evaluate(item, match, $"{path}[{items.Count}]", evidence) is { } value) items.Add(value);
                return new ListValue(items.ToImmutable());
            default:
                return null;
        }
    }

    /// <summary>
    /// An object: its fields evaluated in the written order (evidence follows it), each value put
    /// straight into its place in name order, so no map is sorted per value (sorting and copying
    /// each object's fields was 1% of a batch). A repeated name has one place: the last value
    /// written there stays, as a map's would.
    /// </summary>
    private ObjectValue EvaluateInOrder(ObjectExpr obj, ObjectLayout layout, in RuleMatch match, string path, EvidenceEntries evidence)
    {
        var values = new Value?[layout.Names.Length];
        var present = 0;
        for (var f = 0; f < obj.Fields.Length; f++)
        {
            var field = obj.Fields[f];
            var fieldPath = path.Length == 0 ? field.Name : path + "." + field.Name;
            if (Evaluate(field.Value, match, fieldPath, evidence) is not { } value) continue;
            if (values[layout.Places[f]] is null) present++;
            values[layout.Places[f]] = value;
        }
        // Every field present (the common case): the names are shared by every value of this object.
        if (present == values.Length) return new ObjectValue(SortedMap<Value>.FromSorted(layout.Names, values!));
        var names = new string[present];
        var kept = new Value[present];
        var at = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } value) continue;
            (names[at], kept[at]) = (layout.Names[i], value);
            at++;
        }
        return new ObjectValue(SortedMap<Value>.FromSorted(names, kept));
    }

    /// <summary>An object expression's distinct field names in ordinal order, and the place of each written field among them.</summary>
    private sealed class ObjectLayout(string[] names, int[] places)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ObjectExpr, ObjectLayout> Layouts = new();

        public string[] Names { get; } = names;
        public int[] Places { get; } = places;

        public static ObjectLayout Of(ObjectExpr obj) => Layouts.GetValue(obj, static obj =>
        {
            var names = obj.Fields.Select(field => field.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            return new ObjectLayout(names, [.. obj.Fields.Select(field => Array.BinarySearch(names, field.Name, StringComparer.Ordinal))]);
        });
    }

    private Value? FromCapture(in RuleMatch match, string name, string function, string path, EvidenceEntries evidence)
    {
        if (match.Capture(name) is not var (slot, span)) return null;
        var original = context.Document.TextOf(span);
        var text = PlainQuotes(original);
        Value? value = function switch
        {
            "value" => CapturedValue(slot, span) is { } captured ? FromObject(captured) : new TextValue(text),
            "text" => new TextValue(text),
            "lower" => new TextValue(text.ToLowerInvariant()),
            "upper" => new TextValue(text.ToUpperInvariant()),
            "title" => new TextValue(Conversions.TitleCase(text)),
            "number" => NumberOf(slot, span, text) is { } n ? new NumberValue(n) : null,
            "int" => NumberOf(slot, span, text) is { } i && i == decimal.Truncate(i) ? new NumberValue(i) : null,
            "percent" => Conversions.ParsePercent(text) is { } p ? new NumberValue(p) : null,
            "date" => (CapturedValue(slot, span) as DateOnly? ?? Conversions.ParseDate(text)) is { } d ? new DateValue(d) : null,
            "year" => YearOf(slot, span, text) is { } y ? new NumberValue(y) : null,
            "joined" => new TextValue(string.Join(", ", LineTexts(span, trimComma: true))),
            "lines" => new ListValue([.. LineTexts(span, trimComma: false).Select(static line => (Value)new TextValue(line))]),
            _ => null,
        };
        if (value is not null) evidence.Add((path, EvidenceOf(match, span, original)));
        return value;
    }

    /// <summary>Converters differ in quote marks, so extracted text uses plain ones; evidence keeps the letter's own.</summary>
    private static string PlainQuotes(string text) =>
        // One search for any curly quote first: most values have none, and each Replace scans the whole text.
        text.AsSpan().ContainsAny(CurlyQuotes)
            ? text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
            : text;

    private static readonly System.Buffers.SearchValues<char> CurlyQuotes = System.Buffers.SearchValues.Create("\u2018\u2019\u201C\u201D");

    private object? CapturedValue(CaptureSlot slot, TokenRange span) => slot.Source switch
    {
        CaptureSource.Lexicon when context.Program.Lexicons[slot.Lexicon].TryGetValue(context.Tokens, span.Start, span.End, out var value) => value,
        CaptureSource.Annotation when context.Annotations.Exactly(context.Program.AnnotationNames.IndexOf(slot.Annotation!), span.Start, span.End) is { } a => a.Value,
        _ => null,
    };

    private decimal? NumberOf(CaptureSlot slot, TokenRange span, string text) => CapturedValue(slot, span) switch
    {
        long l => l,
        decimal d => d,
        _ => Conversions.ParseNumber(text),
    };

    private decimal? YearOf(CaptureSlot slot, TokenRange span, string text)
    {
        if (CapturedValue(slot, span) is DateOnly date) return date.Year;
        if (Conversions.ParseDate(text) is { } parsed) return parsed.Year;
        return Conversions.ParseNumber(text) is { } n && n is >= 1000 and <= 9999 ? n : null;
    }

    /// <summary>The text of each line of the span, with plain quotes (and without a trailing comma, for `joined`).</summary>
    private List<string> LineTexts(TokenRange span, bool trimComma)
    {
        var texts = new List<string>();
        foreach (var line in LinesOf(span))
        {
            var text = PlainQuotes(context.Document.TextOf(line));
            texts.Add(trimComma ? text.TrimEnd(',') : text);
        }
        return texts;
    }

    private IEnumerable<TokenRange> LinesOf(TokenRange span)
    {
        // Lines are in order and do not overlap: start at the first that ends after the span starts
        // (found by halving) instead of walking the letter's lines from the top for every value.
        var lines = context.Document.Lines;
        int low = 0, high = lines.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (lines[middle].End <= span.Start) low = middle + 1;
            else high = middle;
        }
        for (var i = low; i < lines.Length && lines[i].Start < span.End; i++)
        {
            var from = Math.Max(lines[i].Start, span.Start);
            var to = Math.Min(lines[i].End, span.End);
            if (to > from) yield return new TokenRange(from, to);
        }
    }

    public static Value FromObject(object? value) => value switch
    {
        string s => new TextValue(s),
        long l => new NumberValue(l),
        int i => new NumberValue(i),
        decimal d => new NumberValue(d),
        bool b => new BoolValue(b),
        DateOnly date => new DateValue(date),
        Value v => v,
        LexiconRecord record => new ObjectValue(SortedMap<Value>.FromSorted([.. record.Fields.Keys], [.. record.Fields.Values.Select(FromObject)])),
        _ => new TextValue(value?.ToString() ?? ""),
    };
}
