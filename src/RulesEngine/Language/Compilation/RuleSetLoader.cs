using System.Collections.Immutable;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;
using RulesEngine.Language.Syntax;

namespace RulesEngine.Language.Compilation;

/// <summary>
/// Loads a rule pack: every `*.rules` file directly in the folder is an entry, and each may
/// import others by a path relative to itself. Imports never leave the rule folder (no `..`
/// out, no absolute paths, no links pointing outside), so a rule file cannot read other files.
/// </summary>
internal sealed class RuleSetLoader
{
    private readonly string _root;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly List<RuleFileModel> _files = [];
    private readonly HashSet<string> _loading = new(StringComparer.Ordinal);

    private readonly string _realRoot;

    // Rule files are a few KB; a file this large is not one (or is a device that never ends).
    private const long MaxRuleFileBytes = 4 * 1024 * 1024;

    // Text of files open in an editor, by full path: read instead of the file on disk (the language server's unsaved edits).
    private readonly Func<string, string?>? _openText;

    private RuleSetLoader(string root, List<Diagnostic> diagnostics, Func<string, string?>? openText = null)
    {
        _openText = openText;
        _root = Path.GetFullPath(root);
        _realRoot = RealPath(_root);
        _diagnostics = diagnostics;
    }

    /// <param name="openText">The text of a file open in an editor (by full path), read instead of the file on disk; null for files not open.</param>
    public static (RuleSet Rules, IReadOnlyDictionary<string, string> Sources) LoadFolder(string folder, List<Diagnostic> diagnostics, Func<string, string?>? openText = null)
    {
        var loader = new RuleSetLoader(folder, diagnostics, openText);
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CannotReadRules, Severity.Error, new SourceLocation(folder, 0, 0), "the rule folder does not exist"));
            return (new RuleSet([]), loader._sources);
        }
        var entries = Directory.GetFiles(folder, "*.rules").Order(StringComparer.Ordinal).ToList();
        if (entries.Count == 0)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CannotReadRules, Severity.Error, new SourceLocation(folder, 0, 0), "the rule folder has no *.rules file"));
        foreach (var entry in entries)
        {
            // The files found in the folder are held to the folder as imports are: one that is a
            // link (or sits behind a linked folder) leading outside is refused, not read.
            var full = Path.GetFullPath(entry);
            if (!loader.IsReallyInsideRoot(full))
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ImportOutsideFolder, Severity.Error, new SourceLocation(DisplayPath(full), 0, 0), "this rule file is a link to a file outside the rule folder; it was not read"));
            else loader.Load(full, null);
        }
        loader.ReportFilesNotLoaded(entries);
        return (new RuleSet([.. loader._files]), loader._sources);
    }

    /// <summary>
    /// A rule file in a subfolder that no loaded file imports would be silently left out: it is
    /// named, with the import that would load it (today's rules are not all in effect otherwise).
    /// </summary>
    private void ReportFilesNotLoaded(List<string> entries)
    {
        var loaded = _loading.ToHashSet(StringComparer.Ordinal);
        var entry = entries.Count > 0 ? DisplayPath(Path.GetFullPath(entries[0])) : null;
        foreach (var file in Files.FolderWalk.Files(_root, "*.rules").Order(StringComparer.Ordinal))
        {
            var full = Path.GetFullPath(file);
            // A file reached through a link to outside cannot be imported: no advice to import it.
            if (loaded.Contains(full) || !IsReallyInsideRoot(full)) continue;
            var display = DisplayPath(full);
            var import = Path.GetRelativePath(_root, full).Replace('\\', '/');
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotLoaded, Severity.Warning, new SourceLocation(display, 0, 0),
                entry is null ? "this rule file is not loaded: nothing imports it" : $"this rule file is not loaded: nothing imports it; add `import \"{import}\"` to {entry}"));
        }
    }

    /// <summary>Rule text given directly (examples in tests, stdin): imports are not allowed.</summary>
    public static (RuleSet Rules, IReadOnlyDictionary<string, string> Sources) LoadText(string name, string text, List<Diagnostic> diagnostics)
    {
        var model = RuleFileParser.Parse(name, text, diagnostics);
        foreach (var import in model.Imports)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ImportNotFound, Severity.Error, import.Location, "imports need a rule folder"));
        return (new RuleSet([model]), new Dictionary<string, string> { [name] = text });
    }

    private void Load(string fullPath, Import? from)
    {
        if (_sources.ContainsKey(DisplayPath(fullPath)) || !_loading.Add(fullPath)) return;
        string text;
        if (_openText?.Invoke(fullPath) is { } open) text = open;
        else try
        {
            // A named pipe or a device reports no length: it is never opened (opening a pipe waits
            // for a writer, and a device may never end), and neither is a file too large to be rules.
            var length = new FileInfo(fullPath).Length;
            if (length > MaxRuleFileBytes)
            {
                _diagnostics.Add(new Diagnostic(DiagnosticCodes.CannotReadRules, Severity.Error,
                    from?.Location ?? new SourceLocation(DisplayPath(fullPath), 0, 0), $"the rule file is larger than {MaxRuleFileBytes / (1024 * 1024)} MB; it was not read"));
                return;
            }
            if (length == 0)
                _diagnostics.Add(new Diagnostic(DiagnosticCodes.CannotReadRules, Severity.Warning,
                    from?.Location ?? new SourceLocation(DisplayPath(fullPath), 0, 0), "the rule file is empty, or not a regular file (a named pipe or a device); nothing was read from it"));
            text = length == 0 ? "" : ReadLimited(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.CannotReadRules, Severity.Error,
                from?.Location ?? new SourceLocation(DisplayPath(fullPath), 0, 0), $"cannot read rule file: {e.Message}"));
            return;
        }
        var display = DisplayPath(fullPath);
        _sources[display] = text;
        var model = RuleFileParser.Parse(display, text, _diagnostics);
        foreach (var import in model.Imports)
        {
            if (Resolve(fullPath, import) is { } target) Load(target, import);
        }
        _files.Add(model);
    }

    private string? Resolve(string importingFile, Import import)
    {
        if (Path.IsPathRooted(import.Path) || import.Path.Contains(':'))
        {
            Report(import, DiagnosticCodes.ImportOutsideFolder, $"import '{import.Path}' is an absolute path; imports are relative to the importing file and stay inside the rule folder");
            return null;
        }
        var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(importingFile)!, import.Path));
        if (!IsInsideRoot(target))
        {
            Report(import, DiagnosticCodes.ImportOutsideFolder, $"import '{import.Path}' points outside the rule folder");
            return null;
        }
        if (!File.Exists(target))
        {
            var near = NameSuggester.Nearest(import.Path, Files.FolderWalk.Files(_root, "*.rules")
                .Select(f => Path.GetRelativePath(Path.GetDirectoryName(importingFile)!, f)));
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.ImportNotFound, Severity.Error, import.Location, $"imported file '{import.Path}' does not exist", near));
            return null;
        }
        if (!IsReallyInsideRoot(target))
        {
            Report(import, DiagnosticCodes.ImportOutsideFolder, $"import '{import.Path}' leads through a link to a file outside the rule folder");
            return null;
        }
        return target;
    }

    private bool IsInsideRoot(string fullPath) =>
        fullPath.StartsWith(_root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Whether the file, with every link on its way resolved (a linked folder as much as a linked file), is inside the rule folder's real place.</summary>
    private bool IsReallyInsideRoot(string fullPath) =>
        RealPath(fullPath).StartsWith(_realRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>
    /// The path with each component's link followed, as the system's realpath gives it. A loop of
    /// links stops after 40 steps (as the system's own limit) and is reported as it stands.
    /// </summary>
    private static string RealPath(string fullPath, int depth = 0)
    {
        if (depth > 40) return fullPath;
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        foreach (var part in fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } link)
            {
                var target = Path.GetFullPath(Path.IsPathRooted(link) ? link : Path.Combine(current, link));
                current = RealPath(target, depth + 1);
            }
            else current = next;
        }
        return current;
    }

    private static string ReadLimited(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[Math.Min(stream.Length, MaxRuleFileBytes)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return new System.Text.UTF8Encoding(false).GetString(buffer, 0, read).TrimStart('\uFEFF');
    }

    private void Report(Import import, string code, string message) =>
        _diagnostics.Add(new Diagnostic(code, Severity.Error, import.Location, message));

    /// <summary>Rule files are named relative to the current folder when they are under it, as compilers print them.</summary>
    private static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
