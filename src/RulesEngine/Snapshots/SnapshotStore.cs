using RulesEngine.Output;

namespace RulesEngine.Snapshots;

public enum SnapshotStatus { Matches, Changed, New }

/// <summary>The outcome of comparing one result with its approved snapshot.</summary>
public sealed record SnapshotComparison(string Name, SnapshotStatus Status, string VerifiedPath, string ReceivedPath, IReadOnlyList<FieldChange> Changes)
{
    /// <summary>A readable account of the differences, for a failing test or the `snapshot` command.</summary>
    public string Describe()
    {
        return Status switch
        {
            SnapshotStatus.Matches => $"{Name}: matches {VerifiedPath}",
            SnapshotStatus.New => $"{Name}: no approved snapshot yet; the result is in {ReceivedPath}\n" +
                $"  approve it by renaming it to {Path.GetFileName(VerifiedPath)} (or `rulesengine snapshot ... --accept`)",
            _ => $"{Name}: {Changes.Count} field(s) differ from {VerifiedPath} (new result in {ReceivedPath})\n" +
                string.Join("\n", Changes.Select(c => "  " + c)),
        };
    }
}

/// <summary>
/// Snapshot files as Verify keeps them: `NAME.verified.EXT` is the approved output, committed;
/// on a mismatch the new output is written to `NAME.received.EXT` (ignored by git) for review,
/// and removed again once the two agree. Line ends are always `\n`.
/// </summary>
public sealed class SnapshotStore(string directory, string extension = "json")
{
    public string Directory { get; } = directory;

    public string VerifiedPath(string name) => Path.Combine(Directory, $"{name}.verified.{extension}");

    public string ReceivedPath(string name) => Path.Combine(Directory, $"{name}.received.{extension}");

    public SnapshotComparison Compare(string name, string actual)
    {
        actual = Normalise(actual);
        var verified = VerifiedPath(name);
        var received = ReceivedPath(name);
        if (!File.Exists(verified))
        {
            AtomicFile.WriteAllText(received, actual);
            return new SnapshotComparison(name, SnapshotStatus.New, verified, received, []);
        }
        var approved = Normalise(File.ReadAllText(verified));
        if (approved == actual || (extension == "json" && JsonDiff.Compare(approved, actual).Count == 0))
        {
            if (File.Exists(received)) File.Delete(received);
            return new SnapshotComparison(name, SnapshotStatus.Matches, verified, received, []);
        }
        AtomicFile.WriteAllText(received, actual);
        var changes = extension == "json" ? JsonDiff.Compare(approved, actual) : TextChanges(approved, actual);
        return new SnapshotComparison(name, SnapshotStatus.Changed, verified, received, changes);
    }

    /// <summary>Approves a result: it becomes the verified snapshot and the received file goes.</summary>
    public void Accept(string name, string actual)
    {
        AtomicFile.WriteAllText(VerifiedPath(name), Normalise(actual));
        if (File.Exists(ReceivedPath(name))) File.Delete(ReceivedPath(name));
    }

    /// <summary>Deletes a letter's snapshot and any received file beside it.</summary>
    public void Remove(string name)
    {
        File.Delete(VerifiedPath(name));
        File.Delete(ReceivedPath(name));
    }

    /// <summary>Verified snapshots whose name is not among <paramref name="current"/>: their letter is gone.</summary>
    public IEnumerable<string> Obsolete(IEnumerable<string> current)
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var suffix = $".verified.{extension}";
        var names = current.ToHashSet(StringComparer.Ordinal);
        // Letters found in subfolders have ids with folders (`2009/derby`), and their snapshots mirror them.
        return Files.FolderWalk.Files(Directory, "*" + suffix)
            .Select(f => Path.GetRelativePath(Directory, f)[..^suffix.Length].Replace('\\', '/')).Where(n => !names.Contains(n)).Order(StringComparer.Ordinal);
    }

    private static string Normalise(string text)
    {
        var normalised = text.Replace("\r\n", "\n");
        return normalised.EndsWith('\n') ? normalised : normalised + "\n";
    }

    private static List<FieldChange> TextChanges(string approved, string actual)
    {
        var before = approved.Split('\n');
        var after = actual.Split('\n');
        var changes = new List<FieldChange>();
        for (var i = 0; i < Math.Max(before.Length, after.Length); i++)
        {
            var old = i < before.Length ? before[i] : null;
            var current = i < after.Length ? after[i] : null;
            if (old == current) continue;
            changes.Add(new FieldChange($"line {i + 1}", old is null ? ChangeKind.Added : current is null ? ChangeKind.Removed : ChangeKind.Changed, old, current));
        }
        return changes;
    }
}
