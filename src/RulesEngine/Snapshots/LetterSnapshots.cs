using System.Text.Json.Nodes;
using RulesEngine.Matching;
using RulesEngine.Output;

namespace RulesEngine.Snapshots;

/// <summary>A changed field of a letter, with the rule (and rule file line) behind the old and new values.</summary>
public sealed record AttributedChange(FieldChange Change, string? NewBy, string? OldBy);

/// <summary>How one letter's output compares with its approved snapshot.</summary>
public sealed record LetterComparison(string Letter, SnapshotStatus Status, IReadOnlyList<AttributedChange> Changes, IReadOnlyList<EvidenceChange> EvidenceChanges, string Received);

/// <summary>
/// A value whose evidence changed while the value itself did not (its text moved, another rule
/// made it): one change per value, however many of its span, line and text changed.
/// </summary>
public sealed record EvidenceChange(string Path, string? NewBy, string? OldBy);

/// <summary>
/// Letter outputs against their approved snapshots (`<letter>.verified.json`), compared by
/// field rather than by text, each change attributed to the rule that made the new value or
/// used to make the old one. The same files the xunit snapshot tests use.
/// </summary>
public sealed class LetterSnapshots(string directory, RuleProgram program)
{
    private const string EvidenceKey = "evidence";

    public SnapshotStore Store { get; } = new(directory);

    public LetterComparison Compare(LetterResult result)
    {
        // Without the source path, which depends on where the batch is run from (Verify would scrub it).
        var received = JsonOutput.Serialize(result with { Source = null });
        var comparison = Store.Compare(result.Name, received);
        if (comparison.Status != SnapshotStatus.Changed)
            return new LetterComparison(result.Name, comparison.Status, [], [], received);
        var oldEvidence = EvidenceOf(File.ReadAllText(Store.VerifiedPath(result.Name)));
        var newEvidence = EvidenceOf(received);
        var recordChanges = comparison.Changes.Where(c => !IsEvidence(c.Path)).ToList();
        var attributed = recordChanges.Select(c => new AttributedChange(c, Describe(newEvidence, c.Path), Describe(oldEvidence, c.Path))).ToList();
        // A value's evidence is one entry (rule, span, line, text): compared whole, so a moved value
        // is one change. Evidence of a value that changed is shown with that value's change.
        var evidenceOnly = oldEvidence.Select(p => p.Key).Union(newEvidence.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(oldEvidence[key], newEvidence[key]))
            .Where(key => !recordChanges.Any(c => ValuePaths.Covers(c.Path, key) || ValuePaths.Covers(key, c.Path)))
            .Order(StringComparer.Ordinal)
            .Select(key => new EvidenceChange(key, Describe(newEvidence, key), Describe(oldEvidence, key)))
            .ToList();
        return new LetterComparison(result.Name, SnapshotStatus.Changed, attributed, evidenceOnly, received);
    }

    /// <summary>Approves a letter's new output: all of it, or only the named field paths (and their evidence).</summary>
    public void Accept(LetterComparison comparison, IReadOnlyCollection<string>? paths = null)
    {
        if (paths is null || comparison.Status == SnapshotStatus.New)
        {
            Store.Accept(comparison.Letter, comparison.Received);
            return;
        }
        var verified = JsonNode.Parse(File.ReadAllText(Store.VerifiedPath(comparison.Letter)))!.AsObject();
        var received = JsonNode.Parse(comparison.Received)!.AsObject();
        var verifiedEvidence = verified[EvidenceKey] as JsonObject ?? [];
        var receivedEvidence = received[EvidenceKey] as JsonObject ?? [];
        foreach (var path in paths.OrderByDescending(p => p, StringComparer.Ordinal))
        {
            JsonPaths.Set(verified, path, JsonPaths.Get(received, path)?.DeepClone());
            foreach (var key in verifiedEvidence.Select(p => p.Key).Where(k => ValuePaths.Covers(path, k)).ToList()) verifiedEvidence.Remove(key);
            foreach (var (key, value) in receivedEvidence.Where(p => ValuePaths.Covers(path, p.Key))) verifiedEvidence[key] = value!.DeepClone();
        }
        var sorted = new JsonObject(verifiedEvidence.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        verified.Remove(EvidenceKey);
        verified[EvidenceKey] = sorted;
        Store.Accept(comparison.Letter, verified.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        if (Store.Compare(comparison.Letter, comparison.Received).Status == SnapshotStatus.Matches) return;
        File.WriteAllText(Store.ReceivedPath(comparison.Letter), comparison.Received.Replace("\r\n", "\n"));
    }

    private static bool IsEvidence(string path) => path == EvidenceKey || path.StartsWith(EvidenceKey + ".", StringComparison.Ordinal);

    private static JsonObject EvidenceOf(string json) => JsonNode.Parse(json)?[EvidenceKey] as JsonObject ?? [];

    private string? Describe(JsonObject evidence, string path)
    {
        if (evidence[path] is not JsonObject item) return null;
        var rule = (string?)item["rule"] ?? "?";
        var location = program.Model.Rules.FirstOrDefault(r => r.Name == rule)?.Location.ToString() ?? "rule no longer in the pack";
        return $"rule '{rule}' ({location}) from \"{(string?)item["text"]}\" at {(string?)item["line"]}";
    }
}
