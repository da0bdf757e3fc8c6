using System.Collections.Immutable;
using System.Text;
using RulesEngine.Matching;
using RulesEngine.Output;
using RulesEngine.Reading;

namespace RulesEngine.Explaining;

/// <summary>
/// Answers "where did this value come from?" and "why is this field missing?" for one letter:
/// the rule, its place in the rule file and the letter text behind a value; or, for a missing
/// field, each rule that could have made it and how far its pattern got before failing.
/// </summary>
public static class Explainer
{
    /// <summary>
    /// Why <paramref name="path"/> names no field the output schema has, with the nearest that it
    /// does (`no field 'rating.grad' in the output schema; did you mean 'rating.grade'?`); null when it names one.
    /// </summary>
    public static string? UnknownField(RuleProgram program, string path)
    {
        var known = SchemaPaths.All(program.Model);
        if (known.Count == 0 || known.Contains(SchemaPaths.Shape(path))) return null;
        var suggestion = Diagnostics.NameSuggester.Nearest(SchemaPaths.Shape(path), known);
        return $"no field '{path}' in the output schema" + (suggestion is null ? "; `rulesengine fields` lists them" : $"; did you mean '{suggestion}'?");
    }

    public static string Explain(RuleProgram program, Document document, string path)
    {
        var result = DocumentMatcher.Run(program, document);
        var (value, located) = ValuePaths.Locate(result.Record, path);
        var text = new StringBuilder();
        if (value is not null)
        {
            // An item named by a field's value is explained at its index.
            if (located != path) text.Append($"{path} is {located}\n");
            path = located;
            text.Append($"{path} = {Show(value)}\n");
            var evidence = result.Evidence.Where(e => ValuePaths.Covers(path, e.Key)).ToList();
            foreach (var (leaf, item) in evidence.Take(10))
            {
                var rule = program.RuleNamed(item.Rule);
                text.Append(leaf == path ? "" : $"{leaf}:\n");
                text.Append($"  made by rule '{item.Rule}' at {rule?.Location}\n");
                text.Append($"  from the letter at line {item.Line}, column {item.Column}: \"{item.Text}\"\n");
                text.Append(Quote(document, item.Start, item.End));
            }
            return text.ToString();
        }
        text.Append($"{path}: no value in {document.Name}\n");
        var field = path.Split('.', '[')[0];
        var list = ListBefore(result.Record, located);
        if (list is { } items) text.Append(DescribeItems(items.Path, items.List, located));
        var candidates = program.Rules.Where(r => r.Emits.Any(e => e.Target[0].Name == field)).ToList();
        if (candidates.Count == 0)
        {
            text.Append($"no rule emits '{field}'\n");
            return text.ToString();
        }
        text.Append(list is null ? $"rules that can produce '{field}':\n" : $"rules that add items to '{list.Value.Path}':\n");
        foreach (var rule in candidates) Probe(program, document, rule, result, text);
        return text.ToString();
    }

    /// <summary>The list whose item the path's last located step failed to find, if that is where it failed.</summary>
    private static (string Path, ListValue List)? ListBefore(ObjectValue record, string located)
    {
        if (!located.EndsWith(']')) return null;
        var open = located.LastIndexOf('[');
        var listPath = located[..open];
        return ValuePaths.Resolve(record, listPath) is ListValue list ? (listPath, list) : null;
    }

    private static string DescribeItems(string path, ListValue list, string located)
    {
        if (list.Items.Length == 0) return $"{path} is an empty list\n";
        var range = list.Items.Length == 1 ? $"{path}[0]" : $"{path}[0] to {path}[{list.Items.Length - 1}]";
        var described = $"{path} has {list.Items.Length} item(s), {range}";
        // For an item named by a field's value: the values the items do have.
        if (ValuePaths.Steps(located[located.LastIndexOf('[')..]).FirstOrDefault() is ValuePaths.Selector selector)
        {
            var values = list.Items.OfType<ObjectValue>().Select(i => i[selector.Field]).Where(v => v is not null).Select(v => Show(v!)).Distinct().ToList();
            described += values.Count == 0 ? $"; none has a field '{selector.Field}'" : $"; their {selector.Field}: {string.Join(", ", values)}";
        }
        return described + "\n";
    }

    private static void Probe(RuleProgram program, Document document, CompiledRule rule, LetterResult result, StringBuilder text)
    {
        text.Append($"  rule '{rule.Name}' ({rule.Location})");
        var hits = result.RuleHits.GetValueOrDefault(rule.Name);
        if (hits > 0)
        {
            var made = result.Evidence.Where(e => e.Value.Rule == rule.Name).Select(e => ItemOf(e.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
            text.Append($": matched {hits} time(s), making {string.Join(", ", made.Take(8))}{(made.Count > 8 ? $" and {made.Count - 8} more" : "")}");
        }
        var context = new MatchContext(program, document);
        var scopes = ScopeResolver.Resolve(context, rule.Scopes);
        if (scopes.Count == 0)
        {
            text.Append(": its 'within' scopes match nowhere in this letter\n");
            return;
        }
        MatchProbe? probe = null;
        var bestStart = -1;
        var vm = new PikeVm(context);
        foreach (var scope in scopes)
        {
            for (var start = scope.Range.Start; start < scope.Range.End; start++)
            {
                var attempt = new MatchProbe();
                vm.Probe = attempt;
                // An attempt that matched is not why a value is missing: only the ones that failed count.
                if (vm.Run(rule.Program, start, scope.Range.Start, scope.Range.End, -1, out _) >= 0 && hits > 0) continue;
                if (attempt.FurthestPosition - start > (probe is null ? -1 : probe.FurthestPosition - bestStart))
                {
                    probe = attempt;
                    bestStart = start;
                }
            }
        }
        text.Append(hits > 0 ? $"; its furthest attempt that did not match, in {scopes.Count} place(s) to look in:\n" : $": {scopes.Count} place(s) to look in\n");
        if (probe is null || probe.FurthestPosition < 0)
        {
            text.Append("    it found nothing to try\n");
            return;
        }
        var at = probe.FurthestPosition;
        var matched = new TokenRange(bestStart, at);
        var expected = probe.FailedInstructions.Select(pc => rule.Program.Locations[pc]).Distinct()
            .Select(l => $"{SourceText(program, l)} ({l})").ToList();
        var found = at < document.Tokens.Length ? $"\"{document.Tokens[at].Text}\" at line {document.Tokens[at].Line}, column {document.Tokens[at].Column}" : "the end of the letter";
        if (matched.IsEmpty) text.Append("    its first element matched nowhere\n");
        else text.Append($"    got furthest matching \"{Shorten(document.TextOf(matched))}\" (from line {document.Tokens[bestStart].Line}, column {document.Tokens[bestStart].Column})\n");
        text.Append($"    then expected {string.Join(" or ", expected)} but found {found}\n");
    }

    private static string SourceText(RuleProgram program, Diagnostics.SourceLocation location)
    {
        if (!program.Sources.TryGetValue(location.File, out var source) || location.Line < 1) return "?";
        var lines = source.Split('\n');
        if (location.Line > lines.Length) return "?";
        var line = lines[location.Line - 1].TrimEnd('\r');
        var from = Math.Clamp(location.Column - 1, 0, line.Length);
        return line.Substring(from, Math.Clamp(location.Length, 0, line.Length - from));
    }


    /// <summary>The item a leaf path lies in (`outcomes[2]` for `outcomes[2].grade`), or the field itself.</summary>
    private static string ItemOf(string leaf)
    {
        var close = leaf.IndexOf(']');
        return close < 0 ? leaf.Split('.')[0] : leaf[..(close + 1)];
    }

    private static string Show(Value value) => value is TextValue t ? $"\"{t.Text}\"" : value.ToJson();

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    // Context shown around a value: its sentence, or this much of its line either side when longer.
    private const int ContextWidth = 70;

    /// <summary>
    /// The text around a span with a caret under it, as compilers show source: the sentence that
    /// holds it (not a whole 1,200-character paragraph line), cut to a window around the span when
    /// the sentence is long, with `...` where it was cut.
    /// </summary>
    private static string Quote(Document document, int start, int end)
    {
        var text = document.Text;
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        var lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0) lineEnd = text.Length;
        // A short line is shown whole; a long one (a paragraph on one line) down to the sentence.
        var (from, to) = lineEnd - lineStart > 2 * ContextWidth && SentenceAround(document, start, end) is var (s, e)
            ? (Math.Max(s, lineStart), Math.Min(e, lineEnd))
            : (lineStart, lineEnd);
        if (start - from > ContextWidth) from = start - ContextWidth;
        if (to - Math.Min(end, to) > ContextWidth) to = Math.Min(end, to) + ContextWidth;
        var before = from > lineStart ? "..." : "";
        var after = to < lineEnd ? "..." : "";
        var shown = text[from..to].TrimEnd('\r').Replace('\t', ' ');
        var column = before.Length + start - from;
        var width = Math.Max(1, Math.Min(end, to) - start);
        var line = before + shown + after;
        return $"    | {line}\n    | {new string(' ', Math.Min(column, line.Length))}^{new string('~', Math.Max(0, Math.Min(width, line.Length - column) - 1))}\n";
    }

    /// <summary>The character span of the sentence holding <paramref name="start"/>, if the reader found one.</summary>
    private static (int Start, int End)? SentenceAround(Document document, int start, int end)
    {
        foreach (var sentence in document.Sentences)
        {
            var (from, to) = document.CharSpan(sentence.Tokens);
            if (from <= start && start < to) return (from, Math.Max(to, Math.Min(end, to)));
        }
        return null;
    }
}
