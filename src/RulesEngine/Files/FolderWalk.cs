namespace RulesEngine.Files;

/// <summary>
/// The files under a folder, at any depth, following links to folders but entering each real
/// folder once. The framework's recursive search follows a link back up the tree (`self -> .`)
/// for ever, naming the same files again under ever longer paths.
/// </summary>
public static class FolderWalk
{
    /// <summary>Files under <paramref name="root"/> (paths as the walk reaches them, under <paramref name="root"/>) whose names match <paramref name="pattern"/>.</summary>
    public static IEnumerable<string> Files(string root, string pattern = "*")
    {
        var entered = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            if (!entered.Add(RealPath(folder))) continue;
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(folder, pattern);
                folders = Directory.GetDirectories(folder);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A folder that vanished or cannot be opened holds nothing this walk can read.
                continue;
            }
            foreach (var file in files) yield return file;
            // In name order, so that of two ways to one folder the same one is always taken.
            Array.Sort(folders, StringComparer.Ordinal);
            for (var i = folders.Length - 1; i >= 0; i--) pending.Push(folders[i]);
        }
    }

    /// <summary>A folder's real place, every link on its way resolved.</summary>
    private static string RealPath(string folder)
    {
        var full = Path.GetFullPath(folder);
        try
        {
            var info = new DirectoryInfo(full);
            var parent = info.Parent is { } up ? RealPath(up.FullName) : full;
            var here = info.Parent is null ? full : Path.Combine(parent, info.Name);
            return new DirectoryInfo(here).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetFullPath(target.FullName) : here;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }
}
