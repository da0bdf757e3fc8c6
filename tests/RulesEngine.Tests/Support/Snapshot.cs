using System.Runtime.CompilerServices;
using RulesEngine.Snapshots;

namespace RulesEngine.Tests.Support;

/// <summary>
/// Verify-style snapshot assertions on the engine's own <see cref="SnapshotStore"/>: the
/// approved file sits in a folder beside the test's source file, a mismatch writes
/// `*.received.*` there and fails with the field-by-field differences. Nothing is approved here.
/// </summary>
public static class Snapshot
{
    public static void Verify(string name, string actual, string folder, string extension = "json", [CallerFilePath] string sourceFile = "")
    {
        var store = new SnapshotStore(Path.Combine(Path.GetDirectoryName(sourceFile)!, folder), extension);
        var comparison = store.Compare(name, actual);
        if (comparison.Status != SnapshotStatus.Matches) Assert.Fail(comparison.Describe());
    }

    public static string FolderBeside(string folder, [CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, folder);
}
