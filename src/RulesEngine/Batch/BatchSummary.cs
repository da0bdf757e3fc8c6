using System.Runtime.InteropServices;
using System.Text;
using RulesEngine.Matching;
using RulesEngine.Output;

namespace RulesEngine.Batch;

/// <summary>What a batch did: letters read and failed, fields found and missing per letter, hits and time per rule.</summary>
/// <param name="lettersShown">
/// How many letters' fields are listed; the rest are counted, not kept, so the summary's memory
/// stays flat however long the batch.
/// </param>
public sealed class BatchSummary(RuleProgram program, int lettersShown = 50)
{
    private readonly List<(string Letter, int Found, IReadOnlyList<string> Missing)> _letters = [];
    private int _processed;
    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);

    // Per letter kind (the record's `kind`; "" for none): how many letters, and how many have each expected field.
    private readonly SortedDictionary<string, int> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Field), int> _foundByKind = [];

    public int Read { get; private set; }

    /// <summary>Letters whose plain id another letter had, so they were named longer (<see cref="Reading.LetterListing.Renamed"/>).</summary>
    public int Renamed { get; init; }
    public int Failed => _failures.Count;

    private readonly SortedDictionary<Reading.LetterEncoding, int> _decoded = [];

    // Warnings are kept for the summary as data (a person reads them as they are logged); a batch
    // that warns about every letter keeps only the first ones and a count.
    private const int WarningsKept = 200;
    private readonly List<string> _warnings = [];
    private int _warningCount;

    public void Add(LetterOutcome outcome)
    {
        Read++;
        foreach (var warning in outcome.Warnings)
            if (_warningCount++ < WarningsKept) _warnings.Add(warning);
        if (outcome.Result?.Encoding is { } encoding) _decoded[encoding] = _decoded.GetValueOrDefault(encoding) + 1;
        if (outcome.Result is not { } result)
        {
            _failures.Add(outcome.Error ?? $"{outcome.Source.DisplayPath}: error: unknown failure");
            return;
        }
        var kind = RuleProgram.KindOf(result.Record) ?? "";
        var expected = program.ExpectedFields(kind);
        _kinds[kind] = _kinds.GetValueOrDefault(kind) + 1;
        foreach (var field in expected)
            if (result.Record.Fields.ContainsKey(field)) CollectionsMarshal.GetValueRefOrAddDefault(_foundByKind, (kind, field), out _)++;
        if (_processed++ < lettersShown)
        {
            var missing = new List<string>();
            foreach (var field in expected) if (!result.Record.Fields.ContainsKey(field)) missing.Add(field);
            _letters.Add((result.Name, result.Record.Fields.Count, missing));
        }
        // One look-up per rule, not a read and a write: this runs on the thread that orders the
        // batch's results, which shares the cores with the workers.
        foreach (var (rule, hits) in result.RuleHits) CollectionsMarshal.GetValueRefOrAddDefault(_hits, rule, out _) += hits;
        foreach (var (rule, ticks) in result.RuleTicks) CollectionsMarshal.GetValueRefOrAddDefault(_ticks, rule, out _) += ticks;
    }

    private static string KindName(string kind) => kind.Length == 0 ? "no kind" : kind;

    // Failures listed by name before the rest are only counted: a batch of broken files should not bury the summary.
    private const int FailuresShown = 20;

    /// <param name="elapsed">The batch's time, for the closing line's letters a second.</param>
    /// <param name="destination">Where the records went ("to out/ as one JSON file per letter", "on stdout"), for the closing line.</param>
    public string Format(TimeSpan? elapsed = null, string? destination = null)
    {
        var text = new StringBuilder();
        text.Append($"{Read} letter(s) read, {Read - Failed} processed, {Failed} failed\n");
        foreach (var failure in _failures.Take(FailuresShown)) text.Append($"  failed: {failure}\n");
        if (_failures.Count > FailuresShown) text.Append($"  ... and {_failures.Count - FailuresShown} more failed letter(s)\n");
        foreach (var (encoding, count) in _decoded) text.Append($"{count} letter(s) read as {Reading.LetterEncodings.Title(encoding)} (not UTF-8; their records say \"encoding\")\n");
        if (Renamed > 0) text.Append($"{Renamed} group(s) of letters shared an id and were named apart (see the warnings above)\n");
        if (_letters.Count > 0)
        {
            text.Append("fields per letter (found; missing):\n");
            foreach (var (letter, found, missing) in _letters)
                text.Append($"  {letter}: {found} found; {(missing.Count == 0 ? "none missing" : "missing " + string.Join(", ", missing))}\n");
            if (_processed > _letters.Count) text.Append($"  ... and {_processed - _letters.Count} more letter(s)\n");
            text.Append("fields by letter kind (found in N of M letters; only the fields expected of the kind):\n");
            foreach (var (kind, letters) in _kinds)
            {
                var expected = program.ExpectedFields(kind);
                var partial = expected.Where(f => _foundByKind.GetValueOrDefault((kind, f)) < letters).ToList();
                text.Append($"  {KindName(kind)} ({letters} letter(s)): {expected.Count - partial.Count} of {expected.Count} field(s) in every letter");
                text.Append(partial.Count == 0 ? "\n" : "; " + string.Join(", ", partial.Select(f => $"{f} {_foundByKind.GetValueOrDefault((kind, f))} of {letters}")) + "\n");
            }
        }
        text.Append("hits per rule (time matching):\n");
        foreach (var rule in program.RuleNames.Distinct().OrderByDescending(r => _hits.GetValueOrDefault(r)).ThenBy(r => r, StringComparer.Ordinal))
        {
            var hits = _hits.GetValueOrDefault(rule);
            var milliseconds = _ticks.GetValueOrDefault(rule) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
            text.Append($"  {rule}: {hits}{(hits == 0 ? " (never fired)" : "")} ({milliseconds:0.0} ms)\n");
        }
        // The closing line, where a reader's eye lands: how long, how fast, and where the records are.
        if (elapsed is { } time)
        {
            var seconds = Math.Max(time.TotalSeconds, 0.001);
            text.Append($"done: {Read} letter(s) in {seconds:0.00} s ({Read / seconds:0} a second)");
            text.Append(destination is null ? "" : $"; {Read - Failed} record(s) {destination}");
            text.Append(Failed > 0 ? $"; {Failed} failed (listed above)\n" : "\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// The same summary as data (`run --summary json`), for a script or a dashboard: counts, every
    /// failure, the letters' fields found and missing (the first ones, as in the text), hits and
    /// milliseconds per rule, the time and where the records went. Keys are written in a fixed order.
    /// </summary>
    public string ToJson(TimeSpan? elapsed = null, string? destination = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("read", Read);
            json.WriteNumber("processed", Read - Failed);
            json.WriteNumber("failed", Failed);
            json.WriteNumber("renamed", Renamed);
            if (elapsed is { } time) json.WriteNumber("seconds", Math.Round(time.TotalSeconds, 3));
            if (destination is not null) json.WriteString("records", destination);
            json.WriteStartObject("encodings");
            foreach (var (encoding, count) in _decoded) json.WriteNumber(Reading.LetterEncodings.Name(encoding), count);
            json.WriteEndObject();
            json.WriteStartArray("failures");
            foreach (var failure in _failures) json.WriteStringValue(failure);
            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in _warnings) json.WriteStringValue(warning);
            json.WriteEndArray();
            json.WriteNumber("warnings_not_listed", Math.Max(0, _warningCount - _warnings.Count));
            json.WriteStartArray("letters");
            foreach (var (letter, found, missing) in _letters)
            {
                json.WriteStartObject();
                json.WriteString("letter", letter);
                json.WriteNumber("found", found);
                json.WriteStartArray("missing");
                foreach (var field in missing) json.WriteStringValue(field);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("letters_not_listed", Math.Max(0, _processed - _letters.Count));
            json.WriteStartObject("kinds");
            foreach (var (kind, letters) in _kinds)
            {
                json.WriteStartObject(KindName(kind));
                json.WriteNumber("letters", letters);
                json.WriteStartObject("found");
                foreach (var field in program.ExpectedFields(kind)) json.WriteNumber(field, _foundByKind.GetValueOrDefault((kind, field)));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("rules");
            foreach (var rule in program.RuleNames.Distinct().Order(StringComparer.Ordinal))
            {
                json.WriteStartObject(rule);
                json.WriteNumber("hits", _hits.GetValueOrDefault(rule));
                json.WriteNumber("milliseconds", Math.Round(_ticks.GetValueOrDefault(rule) * 1000.0 / System.Diagnostics.Stopwatch.Frequency, 1));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
