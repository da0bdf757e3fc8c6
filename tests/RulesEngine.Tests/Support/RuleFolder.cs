namespace RulesEngine.Tests.Support;

/// <summary>A rule folder written for a command-line test: its files, by name, under a parent folder.</summary>
public static class RuleFolder
{
    /// <returns>The folder's full path.</returns>
    public static string Write(string parent, string name, params (string File, string Text)[] files)
    {
        var folder = Path.Combine(parent, name);
        Directory.CreateDirectory(folder);
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(folder, file), text);
        return folder;
    }
}
