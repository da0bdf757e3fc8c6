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
    public static string Explain(RuleProgram program, Document document, string path)
    {
        var result = DocumentMatcher.Run(program, document);
        var value = ValuePaths.Resolve(result.Record, path);
        var text = new StringBuilder();
        if (value is not null)
        {
            text.Append($"{path} = {Show(value)}\n");
            var evidence = result.Evidence.Where(e => ValuePaths.Covers(path, e.Key)).ToList();
            foreach (var (leaf, item) in evidence.Take(10))
            {
                var rule = program.Rules.FirstOrDefault(r => r.Name == item.Rule);
                text.Append(leaf == path ? "" : $"{leaf}:\n");
                text.Append($"  made by rule '{item.Rule}' at {rule?.Location}\n");
                text.Append($"  from the letter at line {item.Line}, column {item.Column}: \"{item.Text}\"\n");
                text.Append(Quote(document, item.Start, item.End));
            }
            return text.ToString();
        }
        text.Append($"{path}: no value in {document.Name}\n");
        var field = path.Split('.', '[')[0];
        var candidates = program.Rules.Where(r => r.Emits.Any(e => e.Target[0].Name == field)).ToList();
        if (candidates.Count == 0)
        {
            text.Append($"no rule emits '{field}'\n");
            return text.ToString();
        }
        text.Append($"rules that can produce '{field}':\n");
        foreach (var rule in candidates) Probe(program, document, rule, result, text);
        return text.ToString();
    }

    private static void Probe(RuleProgram program, Document document, CompiledRule rule, LetterResult result, StringBuilder text)
    {
        text.Append($"  rule '{rule.Name}' ({rule.Location})");
        if (result.RuleHits.GetValueOrDefault(rule.Name) > 0)
        {
            text.Append($": matched {result.RuleHits[rule.Name]} time(s), but its values did not reach this field (a conversion gave nothing, or an earlier value was kept)\n");
            return;
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
                vm.Run(rule.Program, start, scope.Range.Start, scope.Range.End, -1, out _);
                if (attempt.FurthestPosition - start > (probe is null ? -1 : probe.FurthestPosition - bestStart))
                {
                    probe = attempt;
                    bestStart = start;
                }
            }
        }
        text.Append($": {scopes.Count} place(s) to look in\n");
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


    private static string Show(Value value) => value is TextValue t ? $"\"{t.Text}\"" : value.ToJson();

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>The letter line holding a span, with a caret under it, as compilers show source.</summary>
    private static string Quote(Document document, int start, int end)
    {
        var text = document.Text;
        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start == 0) lineStart = 0;
        var lineEnd = text.IndexOf('\n', start);
        if (lineEnd < 0) lineEnd = text.Length;
        var line = text[lineStart..lineEnd].TrimEnd('\r').Replace('\t', ' ');
        var column = start - lineStart;
        var width = Math.Max(1, Math.Min(end, lineEnd) - start);
        return $"    | {line}\n    | {new string(' ', Math.Min(column, line.Length))}^{new string('~', Math.Max(0, Math.Min(width, line.Length - column) - 1))}\n";
    }
}
