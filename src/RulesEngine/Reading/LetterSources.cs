namespace RulesEngine.Reading;

/// <summary>What the command line's inputs name: the letters, each with a unique id, and what the listing had to say.</summary>
/// <param name="Letters">In input order; within a folder or glob, by path.</param>
/// <param name="Missing">Inputs that name no file or folder, each said once: "no such file: x".</param>
/// <param name="Empty">Folders and globs that hold no letter.</param>
/// <param name="Renamed">Letters whose plain id another letter had, with the id each got instead ("id clashes").</param>
public sealed record LetterListing(
    IReadOnlyList<LetterSource> Letters,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Empty,
    IReadOnlyList<string> Renamed);

/// <summary>
/// Expands command-line inputs (files, folders searched recursively, globs, `-`) into letters in
/// a stable order, each with an id that is unique in the batch and stable across runs: a letter
/// found under a folder or glob is named by its path relative to it without the extension
/// (`2009/derby` for `letters/2009/derby.txt`), so outputs mirror the input tree; a file given
/// by itself by its name without the extension; stdin by `-` or the name given. Where two
/// letters would still share an id (`derby.pdf` and `derby.docx`; `a/x.txt` and `b/x.txt` given
/// as files) each gets a longer one, said as a warning, never a silent overwrite. The same file
/// given twice is one letter.
/// </summary>
public static class LetterSources
{
    public static IReadOnlyList<LetterSource> Expand(IEnumerable<string> inputs, Stream? standardInput = null, string? standardInputName = null) =>
        List(inputs, standardInput, standardInputName).Letters;

    public static LetterListing List(IEnumerable<string> inputs, Stream? standardInput = null, string? standardInputName = null)
    {
        var found = new List<(LetterSource Source, string Id, string FullPath)>();
        var missing = new List<string>();
        var empty = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Files are known by their full paths, so the same file named twice is one letter. A folder's
        // files are made full from the folder's full path once: normalising each of 10,000 paths
        // on its own made the listing outlast compiling the pack, and the batch waited for it.
        void Add(string path, string id, string full)
        {
            if (seen.Add(full)) found.Add((LetterSource.FromFile(path, id), id, full));
        }
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                var name = standardInputName ?? "-";
                found.Add((LetterSource.FromStream("<stdin>", name, standardInput ?? Console.OpenStandardInput()), name, "<stdin>"));
            }
            else if (Directory.Exists(input))
            {
                // One walk of the folder, filtered by name: a walk per pattern read a 10,000-letter folder five times.
                var files = Files.FolderWalk.Files(input).Where(Formats.LetterFormats.IsLetterFileName).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0) empty.Add(input);
                AddUnder(input, files);
            }
            else if (input.IndexOfAny(['*', '?']) >= 0)
            {
                var (root, files) = Glob(input);
                if (files.Count == 0) empty.Add(input);
                AddUnder(root, files);
            }
            else if (File.Exists(input))
            {
                Add(input, Path.GetFileNameWithoutExtension(input), Path.GetFullPath(input));
            }
            else
            {
                missing.Add(DescribeMissing(input));
            }
        }
        var (letters, renamed) = Disambiguate(found);
        return new LetterListing(letters, missing, empty, renamed);

        void AddUnder(string root, List<string> files)
        {
            var fullRoot = Path.GetFullPath(root);
            foreach (var file in files)
            {
                var relative = RelativeTo(root, file);
                Add(file, WithoutExtension(relative).Replace('\\', '/'), Path.Join(fullRoot, relative));
            }
        }
    }

    /// <summary>The part of <paramref name="file"/> under <paramref name="root"/>: the folder's own listing starts every path with it.</summary>
    private static string RelativeTo(string root, string file)
    {
        if (root != "." && file.StartsWith(root, StringComparison.Ordinal) && file.Length > root.Length)
            return file[root.Length..].TrimStart('/', '\\');
        return root == "." && !Path.IsPathRooted(file) ? file : Path.GetRelativePath(root, file);
    }

    private static string WithoutExtension(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot > path.LastIndexOfAny(['/', '\\']) + 1 ? path[..dot] : path;
    }

    private static string DescribeMissing(string input) =>
        input.EndsWith('/') || input.EndsWith('\\') ? $"no such folder: {input}"
        : Path.HasExtension(input) ? $"no such file: {input}"
        : $"no such file or folder: {input}";

    /// <summary>
    /// Ids made unique, deterministically from the input order: letters sharing an id first keep
    /// their extension (`derby.pdf`, `derby.docx`), then their path as given (`a/x`, `b/x`), and
    /// only then a number (`x~2`).
    /// </summary>
    private static (List<LetterSource>, List<string>) Disambiguate(List<(LetterSource Source, string Id, string FullPath)> found)
    {
        var renamed = new List<string>();
        var clashes = found.GroupBy(f => f.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        if (clashes.Count == 0) return (found.Select(f => f.Source).ToList(), renamed);
        var taken = new HashSet<string>(found.Where(f => !clashes.ContainsKey(f.Id)).Select(f => f.Id), StringComparer.Ordinal);
        var ids = new Dictionary<LetterSource, string>(ReferenceEqualityComparer.Instance);
        foreach (var (id, group) in clashes)
        {
            var candidates = new Func<(LetterSource Source, string Id, string FullPath), string>[]
            {
                f => f.Id + Path.GetExtension(f.Source.DisplayPath),
                f => GivenPathId(f.Source.DisplayPath) ?? f.Id + Path.GetExtension(f.Source.DisplayPath),
            };
            var chosen = candidates.Select(c => group.Select(c).ToList())
                .FirstOrDefault(names => names.Distinct(StringComparer.Ordinal).Count() == names.Count && !names.Any(taken.Contains))
                ?? group.Select((f, i) => i == 0 ? f.Id : $"{f.Id}~{i + 1}").ToList();
            for (var i = 0; i < group.Count; i++)
            {
                var name = chosen[i];
                for (var n = 2; !taken.Add(name); n++) name = $"{chosen[i]}~{n}";
                ids[group[i].Source] = name;
            }
            renamed.Add($"{Join(group.Select(f => f.Source.DisplayPath))} would share the id '{id}': they are named {Join(group.Select(f => $"'{ids[f.Source]}'"))}");
        }
        var letters = found.Select(f => ids.TryGetValue(f.Source, out var name) ? f.Source with { Name = name } : f.Source).ToList();
        return (letters, renamed);
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 2 ? string.Join(" and ", list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    /// <summary>A file argument's path as given, without extension, if it stays inside the working folder (`a/x`), else none.</summary>
    private static string? GivenPathId(string path)
    {
        if (Path.IsPathRooted(path)) return null;
        var id = Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path)).Replace('\\', '/');
        while (id.StartsWith("./", StringComparison.Ordinal)) id = id[2..];
        return id.Split('/').Contains("..") ? null : id;
    }

    private static (string Root, List<string> Files) Glob(string pattern)
    {
        var directory = Path.GetDirectoryName(pattern);
        var filePattern = Path.GetFileName(pattern);
        var root = string.IsNullOrEmpty(directory) ? "." : directory;
        var recursive = root.EndsWith("**", StringComparison.Ordinal);
        if (recursive) root = root[..^2].TrimEnd('/', '\\');
        if (string.IsNullOrEmpty(root)) root = ".";
        if (!Directory.Exists(root)) return (root, []);
        var files = recursive ? Files.FolderWalk.Files(root, filePattern) : Directory.EnumerateFiles(root, filePattern);
        return (root, files.Select(f => root == "." && string.IsNullOrEmpty(directory) ? Path.GetFileName(f) : f).Order(StringComparer.Ordinal).ToList());
    }
}
