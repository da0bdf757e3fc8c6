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

    private RuleSetLoader(string root, List<Diagnostic> diagnostics)
    {
        _root = Path.GetFullPath(root);
        _diagnostics = diagnostics;
    }

    public static (RuleSet Rules, IReadOnlyDictionary<string, string> Sources) LoadFolder(string folder, List<Diagnostic> diagnostics)
    {
        var loader = new RuleSetLoader(folder, diagnostics);
        if (!Directory.Exists(folder))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CannotReadRules, Severity.Error, new SourceLocation(folder, 0, 0), "the rule folder does not exist"));
            return (new RuleSet([]), loader._sources);
        }
        var entries = Directory.GetFiles(folder, "*.rules").Order(StringComparer.Ordinal).ToList();
        if (entries.Count == 0)
            diagnostics.Add(new Diagnostic(DiagnosticCodes.CannotReadRules, Severity.Error, new SourceLocation(folder, 0, 0), "the rule folder has no *.rules file"));
        foreach (var entry in entries) loader.Load(Path.GetFullPath(entry), null);
        return (new RuleSet([.. loader._files]), loader._sources);
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
        try
        {
            text = File.ReadAllText(fullPath);
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
            var near = NameSuggester.Nearest(import.Path, Directory.EnumerateFiles(_root, "*.rules", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.GetDirectoryName(importingFile)!, f)));
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.ImportNotFound, Severity.Error, import.Location, $"imported file '{import.Path}' does not exist", near));
            return null;
        }
        if (new FileInfo(target).ResolveLinkTarget(returnFinalTarget: true) is { } linked && !IsInsideRoot(linked.FullName))
        {
            Report(import, DiagnosticCodes.ImportOutsideFolder, $"import '{import.Path}' is a link to a file outside the rule folder");
            return null;
        }
        return target;
    }

    private bool IsInsideRoot(string fullPath) =>
        fullPath.StartsWith(_root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private void Report(Import import, string code, string message) =>
        _diagnostics.Add(new Diagnostic(code, Severity.Error, import.Location, message));

    /// <summary>Rule files are named relative to the current folder when they are under it, as compilers print them.</summary>
    private static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative;
    }
}
