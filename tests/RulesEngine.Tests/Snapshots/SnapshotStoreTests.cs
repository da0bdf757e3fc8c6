using RulesEngine.Snapshots;

namespace RulesEngine.Tests.Snapshots;

/// <summary>Snapshots of letters found in subfolders mirror the folders, and are found again when their letter is gone.</summary>
public sealed class SnapshotStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("snapshot-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Snapshot_OfALetterInASubfolder_IsKeptInTheSameSubfolderAndReportedWhenObsolete()
    {
        var store = new SnapshotStore(_folder);
        store.Accept("2009/derby", "{\"council\": \"Derby City Council\"}\n");
        Assert.True(File.Exists(Path.Combine(_folder, "2009", "derby.verified.json")));
        Assert.Equal(SnapshotStatus.Matches, store.Compare("2009/derby", "{\"council\": \"Derby City Council\"}\n").Status);
        Assert.Empty(store.Obsolete(["2009/derby"]));
        Assert.Equal(["2009/derby"], store.Obsolete(["2009/york"]));
    }
}
