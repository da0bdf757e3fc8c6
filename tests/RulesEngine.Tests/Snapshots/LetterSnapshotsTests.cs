using RulesEngine.Output;
using RulesEngine.Snapshots;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Snapshots;

/// <summary>Snapshot differences count what changed: one change per value, evidence shown with its value.</summary>
public sealed class LetterSnapshotsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("letter-snapshots-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private LetterSnapshots Approved(string seed)
    {
        var snapshots = new LetterSnapshots(_folder, Support.Pack.Program);
        snapshots.Store.Accept(seed, JsonOutput.Serialize(Support.Pack.Run(seed, Seeds.Text(seed))));
        return snapshots;
    }

    [Fact]
    public void Compare_EveryValueMovedDown_IsOneEvidenceChangePerValueAndNoValueChange()
    {
        var seed = Seeds.Names[0];
        var snapshots = Approved(seed);
        var moved = Support.Pack.Run(seed, "\n\n" + Seeds.Text(seed));
        var comparison = snapshots.Compare(moved);
        Assert.Equal(SnapshotStatus.Changed, comparison.Status);
        Assert.Empty(comparison.Changes);
        // Start, end, line and text of one value are one change.
        Assert.Equal(moved.Evidence.Count, comparison.EvidenceChanges.Count);
        Assert.All(comparison.EvidenceChanges, e => Assert.True(e.NewBy is not null && e.OldBy is not null && e.NewBy != e.OldBy, e.Path));
    }

    [Fact]
    public void Compare_AChangedValue_CarriesItsEvidenceAndIsNotCountedAgainAsEvidence()
    {
        var seed = Seeds.Names[0];
        var snapshots = Approved(seed);
        var changed = Support.Pack.Run(seed, Seeds.Text(seed).Replace("Performs well (3)", "Performs excellently (4)"));
        var comparison = snapshots.Compare(changed);
        Assert.Equal(["rating.grade", "rating.label"], comparison.Changes.Select(c => c.Change.Path).Order(StringComparer.Ordinal));
        Assert.All(comparison.Changes, c => Assert.NotNull(c.NewBy));
        Assert.DoesNotContain(comparison.EvidenceChanges, e => e.Path.StartsWith("rating", StringComparison.Ordinal));
    }
}
