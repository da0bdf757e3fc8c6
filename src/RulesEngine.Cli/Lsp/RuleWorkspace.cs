using System.Text.RegularExpressions;
using RulesEngine.Diagnostics;
using RulesEngine.Examples;
using RulesEngine.Language;
using RulesEngine.Language.Compilation;
using RulesEngine.Language.Model;
using RulesEngine.Output;

namespace RulesEngine.Cli.Lsp;

/// <summary>
/// What an editor asks about rule files, answered from the compiler itself: the open files' text
/// (unsaved edits included) compiled with the rest of their rule folder, every `check`
/// diagnostic and failing example at its place, and the declarations behind a name.
/// </summary>
internal sealed partial class RuleWorkspace
{
    private readonly Dictionary<string, string> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Compilation> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _published = new(StringComparer.Ordinal);

    public static string PathOf(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? Path.GetFullPath(parsed.LocalPath) : Path.GetFullPath(uri);

    public static string UriOf(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    public void Open(string uri, string text) => _open[PathOf(uri)] = text;

    public void Close(string uri) => _open.Remove(PathOf(uri));

    public string? TextOf(string uri) => _open.GetValueOrDefault(PathOf(uri)) ?? (File.Exists(PathOf(uri)) ? File.ReadAllText(PathOf(uri)) : null);

    /// <summary>
    /// The rule folder a file belongs to: its own folder, or a folder above whose rule files import
    /// something in it (`rules/letters/head.rules` belongs to `rules/`, which imports it), so that
    /// the file is checked with the pack it is part of. Unrelated rule files above are not.
    /// </summary>
    public static string RootOf(string path)
    {
        var root = Path.GetDirectoryName(path)!;
        for (var above = Path.GetDirectoryName(root); above is not null; above = Path.GetDirectoryName(above))
        {
            var imports = Directory.EnumerateFiles(above, "*.rules").SelectMany(file => Import().Matches(SafeRead(file)).Select(m => m.Groups[1].Value));
            if (!imports.Any(import => Path.GetFullPath(Path.Combine(above, import)).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))) break;
            root = above;
        }
        return root;
    }

    private static string SafeRead(string file)
    {
        try { return new FileInfo(file).Length < 4 * 1024 * 1024 ? File.ReadAllText(file) : ""; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return ""; }
    }

    [GeneratedRegex(@"^\s*import\s+""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex Import();

    /// <summary>
    /// Compiles the folder of <paramref name="uri"/> with the open files' text and runs its
    /// examples; returns the diagnostics of every file of the folder by URI (empty for a file
    /// whose problems are gone, so the editor clears them).
    /// </summary>
    public IReadOnlyDictionary<string, LspDiagnostic[]> Check(string uri)
    {
        var path = PathOf(uri);
        var root = RootOf(path);
        var compilation = RuleCompiler.CompileFolder(root, file => _open.GetValueOrDefault(file));
        _compiled[root] = compilation;
        var byFile = new Dictionary<string, List<LspDiagnostic>>(StringComparer.Ordinal);
        void Add(string file, LspDiagnostic diagnostic)
        {
            var key = UriOf(file);
            if (!byFile.TryGetValue(key, out var list)) byFile[key] = list = [];
            list.Add(diagnostic);
        }
        foreach (var diagnostic in compilation.Diagnostics)
        {
            // A problem with the folder, or with a file not in it, is said on the file being edited, never dropped.
            var file = diagnostic.Location.File;
            var isFile = file.Length > 0 && File.Exists(file);
            var message = diagnostic.MessageWithSuggestion;
            Add(isFile ? file : path, new LspDiagnostic(isFile ? RangeOf(diagnostic.Location) : new Range(new(0, 0), new(0, 0)),
                diagnostic.IsError ? 1 : 2, diagnostic.Code, "rulesengine", isFile ? message : $"{file}: {message}"));
        }
        if (compilation.Program is { } program)
        {
            foreach (var result in ExampleRunner.RunAll(program))
            {
                if (result.Status is ExampleStatus.Passed or ExampleStatus.Todo) continue;
                var example = result.Example;
                var at = example.Expectations.Length > 0 ? example.Expectations[0].Location : example.Location;
                var failed = result.Status == ExampleStatus.Failed;
                Add(example.Location.File, new LspDiagnostic(RangeOf(at), failed ? 1 : 4, failed ? "example" : "todo-passes", "rulesengine",
                    failed ? $"example for rule '{example.RuleName}' fails: " + string.Join("; ", result.Problems) : $"this todo example of rule '{example.RuleName}' now passes: remove `todo`"));
            }
        }
        var files = compilation.Sources.Keys.Select(UriOf).Append(UriOf(path)).ToHashSet(StringComparer.Ordinal);
        if (_published.TryGetValue(root, out var before)) files.UnionWith(before);
        _published[root] = [.. byFile.Keys];
        return files.ToDictionary(f => f, f => byFile.TryGetValue(f, out var list) ? list.ToArray() : []);
    }

    public static Range RangeOf(SourceLocation location)
    {
        var line = Math.Max(0, location.Line - 1);
        var column = Math.Max(0, location.Column - 1);
        return new Range(new Position(line, column), new Position(line, column + Math.Max(1, location.Length)));
    }

    private RuleSet ModelOf(string uri)
    {
        var root = RootOf(PathOf(uri));
        if (!_compiled.TryGetValue(root, out var compilation)) Check(uri);
        return _compiled[root].Rules;
    }

    [GeneratedRegex(@"@?[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Word();

    /// <summary>The name under the cursor (`@Date` with its `@`), and where it is on the line.</summary>
    public (string Word, Range Range)? WordAt(string uri, Position position)
    {
        var lines = (TextOf(uri) ?? "").Split('\n');
        if (position.Line >= lines.Length) return null;
        foreach (Match match in Word().Matches(lines[position.Line]))
            if (match.Index <= position.Character && position.Character <= match.Index + match.Length)
                return (match.Value, new Range(new(position.Line, match.Index), new(position.Line, match.Index + match.Length)));
        return null;
    }

    /// <summary>Where each name is declared: lexicons, patterns, rules, records, and annotations (at the rule that makes them).</summary>
    private static IEnumerable<(string Name, string What, SourceLocation Location)> Declarations(RuleSet model) =>
        model.Lexicons.Select(l => (l.Name, "lexicon", l.Location))
            .Concat(model.Patterns.Select(p => (p.Name, "pattern", p.Location)))
            .Concat(model.Rules.Select(r => (r.Name, "rule", r.Location)))
            .Concat(model.Records.Select(r => (r.Name, r.Name == "output" ? "output schema" : "record", r.Location)))
            .Concat(model.Rules.Where(r => r.Annotate is not null).Select(r => ("@" + r.Annotate!.Name, $"annotation made by rule '{r.Name}'", r.Annotate!.Location)));

    public Location[] Definition(string uri, Position position)
    {
        if (WordAt(uri, position) is not var (word, _)) return [];
        return [.. Declarations(ModelOf(uri)).Where(d => d.Name == word).Select(d => new Location(UriOf(d.Location.File), RangeOf(d.Location)))];
    }

    /// <summary>Every place the name is written in the folder's files, declarations included; comments are skipped.</summary>
    public Location[] References(string uri, Position position)
    {
        if (WordAt(uri, position) is not var (word, _)) return [];
        var bare = word.TrimStart('@');
        var compilation = _compiled[RootOf(PathOf(uri))];
        var found = new List<Location>();
        foreach (var (file, text) in compilation.Sources)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].Split('#')[0];
                foreach (Match match in Word().Matches(code))
                    if (match.Value.TrimStart('@') == bare) found.Add(new Location(UriOf(file), new Range(new(i, match.Index), new(i, match.Index + match.Length))));
            }
        }
        return [.. found];
    }

    private static readonly Dictionary<string, string> KeywordDocs = new(StringComparer.Ordinal)
    {
        ["rule"] = "`rule name`: a rule: where it may match (`within`), what (`match`), and what it writes (`emit`, `annotate`, `warn`).",
        ["match"] = "`match pattern`: the tokens the rule matches.",
        ["emit"] = "`emit field = value`: writes a field of the record (`field[]` appends to a list).",
        ["annotate"] = "`annotate Name = value`: marks the matched span so later phases can match it as `@Name`.",
        ["warn"] = "`warn \"message\"`: adds a warning to the letter each time one of the rule's values is kept.",
        ["within"] = "`within scope [where ...]`: where the rule may match; scopes: " + string.Join(", ", RuleValidator.ScopeKinds.Keys) + ".",
        ["lexicon"] = "`lexicon name { \"phrase\", other => value }`: words and phrases, each standing for a value.",
        ["pattern"] = "`pattern name = ...`: a named pattern, used by its name in other patterns.",
        ["example"] = "`example rule \"text\"` with `expect` lines: checked by `rulesengine test` and in the editor as you type.",
        ["expect"] = "`expect field = value` (or `expect none`): what the example's rule must give.",
        ["phase"] = "`phase name longest|first|all`: a step of matching; in a rule, the step it runs in.",
        ["priority"] = "`priority n`: which of two rules matching the same text wins in a phase that keeps one.",
        ["import"] = "`import \"file.rules\"`: loads another rule file of the folder.",
        ["kind"] = "`kind \"apa\" { fields }`: the fields only letters of that kind are expected to have.",
        ["output"] = "`output { field: type, ... }`: the letter's record: what rules may emit.",
        ["record"] = "`record name { field: type }`: a record type for the output schema.",
        ["todo"] = "`todo example`: an example of a known gap: reported, never failing.",
    };

    public Hover? HoverAt(string uri, Position position)
    {
        if (WordAt(uri, position) is not var (word, range)) return null;
        var model = ModelOf(uri);
        string? text = null;
        if (model.Lexicons.FirstOrDefault(l => l.Name == word) is { } lexicon)
        {
            var shown = lexicon.Entries.Take(8).Select(e => string.Join(", ", e.Phrases) + (e.Value is null ? "" : " => " + Show(e.Value)));
            text = $"**lexicon {lexicon.Name}** ({lexicon.Location}), {lexicon.Entries.Length} entries:\n\n" + string.Join("\n", shown.Select(s => "- " + s))
                + (lexicon.Entries.Length > 8 ? $"\n- ... and {lexicon.Entries.Length - 8} more" : "");
        }
        else if (model.Patterns.FirstOrDefault(p => p.Name == word) is { } pattern)
            text = $"**pattern {pattern.Name}** ({pattern.Location}):\n\n```rules\n{LineAt(pattern.Location)}\n```";
        else if (model.Rules.FirstOrDefault(r => r.Name == word) is { } rule)
            text = $"**rule {rule.Name}** ({rule.Location}): writes {(rule.Emits.IsEmpty ? "nothing" : string.Join(", ", rule.Emits.Select(e => e.TargetText)))}";
        else if (word.StartsWith('@') && model.Rules.FirstOrDefault(r => r.Annotate?.Name == word[1..]) is { } annotating)
            text = $"**{word}**: annotated by rule '{annotating.Name}' ({annotating.Location})";
        else if (Functions.All.TryGetValue(word, out var function))
            text = $"**{function.Name}(capture)** -> {function.ResultType}: {function.Description}";
        else if (KeywordDocs.TryGetValue(word, out var doc))
            text = doc;
        else if (RuleValidator.ScopeKinds.ContainsKey(word))
            text = $"scope **{word}**: `within {word}` lets the rule match only inside one {word} at a time.";
        else if (CaptureBinding(uri, position, word) is { } bound)
            text = $"capture **{word}**, bound on line {bound + 1} (`-> {word}`)";
        return text is null ? null : new Hover(new MarkupContent("markdown", text), range);
    }

    /// <summary>The line, at or above the cursor in the same rule, where `-> name` binds a capture.</summary>
    private int? CaptureBinding(string uri, Position position, string name)
    {
        var lines = (TextOf(uri) ?? "").Split('\n');
        for (var i = Math.Min(position.Line, lines.Length - 1); i >= 0; i--)
        {
            if (Regex.IsMatch(lines[i], $@"->\s*{Regex.Escape(name)}\b")) return i;
            if (i < position.Line && lines[i].StartsWith("rule ", StringComparison.Ordinal)) break;
        }
        return null;
    }

    private string LineAt(SourceLocation location)
    {
        var text = _compiled.Values.Select(c => c.Sources.GetValueOrDefault(location.File)).FirstOrDefault(t => t is not null) ?? "";
        var lines = text.Split('\n');
        return location.Line >= 1 && location.Line <= lines.Length ? lines[location.Line - 1].TrimEnd('\r') : "";
    }

    private static string Show(object value) => value switch
    {
        string s => $"\"{s}\"",
        LexiconRecord r => "{ " + string.Join(", ", r.Fields.Select(f => $"{f.Key}: {Show(f.Value)}")) + " }",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    public DocumentSymbol[] Symbols(string uri)
    {
        var path = PathOf(uri);
        var model = ModelOf(uri);
        bool Here(SourceLocation location) => location.File.Length > 0 && Path.GetFullPath(location.File) == path;
        DocumentSymbol Symbol(string name, int kind, SourceLocation location, string detail) => new(name, kind, RangeOf(location), RangeOf(location), detail);
        return [.. model.Rules.Where(r => Here(r.Location)).Select(r => Symbol(r.Name, SymbolKinds.Function, r.Location, "rule"))
            .Concat(model.Lexicons.Where(l => Here(l.Location)).Select(l => Symbol(l.Name, SymbolKinds.Enum, l.Location, "lexicon")))
            .Concat(model.Patterns.Where(p => Here(p.Location)).Select(p => Symbol(p.Name, SymbolKinds.Constant, p.Location, "pattern")))
            .Concat(model.Records.Where(r => Here(r.Location)).Select(r => Symbol(r.Name, SymbolKinds.Struct, r.Location, "record")))
            .Concat(model.Examples.Where(e => Here(e.Location)).Select(e => Symbol($"example {e.RuleName}", SymbolKinds.Event, e.Location, "example")))
            .OrderBy(s => s.Range.Start.Line)];
    }

    /// <summary>What may be written here: field paths after `emit`/`expect`, scopes after `within`, otherwise keywords, names and functions.</summary>
    public CompletionItem[] Complete(string uri, Position position)
    {
        var model = ModelOf(uri);
        var lines = (TextOf(uri) ?? "").Split('\n');
        var before = position.Line < lines.Length ? lines[position.Line][..Math.Min(position.Character, lines[position.Line].Length)] : "";
        var trimmed = before.TrimStart();
        if (Regex.IsMatch(trimmed, @"^(emit|expect)\s+[\w.\[\]]*$"))
            return [.. SchemaPaths.All(model).Where(p => !p.EndsWith("[]", StringComparison.Ordinal)).Select(p => new CompletionItem(p, CompletionKinds.Field, "field"))];
        if (Regex.IsMatch(trimmed, @"^within\s+\w*$"))
            return [.. RuleValidator.ScopeKinds.Keys.Select(s => new CompletionItem(s, CompletionKinds.Enum, "scope"))];
        if (before.EndsWith('@'))
            return [.. model.Rules.Where(r => r.Annotate is not null).Select(r => r.Annotate!.Name).Distinct().Select(a => new CompletionItem(a, CompletionKinds.Reference, "annotation"))];
        return [.. Language.Syntax.RuleFileParser.Keywords.Select(k => new CompletionItem(k, CompletionKinds.Keyword, "keyword"))
            .Concat(Matching.ClassTest.Names.Keys.Select(t => new CompletionItem(t, CompletionKinds.Enum, "token class")))
            .Concat(Functions.All.Values.Select(f => new CompletionItem(f.Name, CompletionKinds.Function, f.Description)))
            .Concat(model.Lexicons.Select(l => new CompletionItem(l.Name, CompletionKinds.Reference, "lexicon")))
            .Concat(model.Patterns.Select(p => new CompletionItem(p.Name, CompletionKinds.Reference, "pattern")))];
    }
}
