using System.CommandLine;
using RulesEngine.Language.Compilation;
using RulesEngine.Diagnostics;

namespace RulesEngine.Cli.Commands;

/// <summary>The rule folder argument and the compile-and-report step shared by commands.</summary>
internal static class RuleOptions
{
    public const string DefaultRules = "rules";

    public static Option<string> RulesOption() => new("--rules", "-r")
    {
        Description = "The rule folder (every *.rules file in it, and what they import).",
        DefaultValueFactory = _ => DefaultRules,
    };

    public static Argument<string?> RulesArgument() => new("rules")
    {
        Description = "The rule folder to use, or one rule file (its folder is loaded, and only that file's diagnostics and examples are shown). Default: rules/.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The same, as an option, for `check` and `test` to take `--rules DIR` as `run` does; no default of its own.</summary>
    public static Option<string?> RulesOptionWithoutDefault() => new("--rules", "-r")
    {
        Description = "The rule folder (or one rule file), as the positional argument; default: rules/.",
    };

    /// <summary>`--jobs` for the batch commands; its default (the cores plus one, so a letter read from disk leaves no core idle) is shown once, by the help.</summary>
    public static Option<int> JobsOption()
    {
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Letters processed in parallel; the output is identical to a sequential run.",
            DefaultValueFactory = _ => Batch.BatchRunner.DefaultJobs,
        };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--jobs must be 1 or more (the letters processed at once)");
        });
        return jobs;
    }

    /// <summary>What `check` and `test` are asked to look at: a rule folder, and the one file to show when a file was given.</summary>
    public sealed record Target(string Folder, string? File);

    /// <summary>The positional argument or `--rules` (not both, unless the same), else rules/; null after saying why on a mistake.</summary>
    public static Target? ResolveTarget(string? positional, string? option, TextWriter error)
    {
        if (positional is not null && option is not null && positional != option)
        {
            error.WriteLine($"rulesengine: error: two rule folders given ({positional} and --rules {option}); give one");
            return null;
        }
        var given = positional ?? option ?? DefaultRules;
        if (File.Exists(given))
        {
            if (!given.EndsWith(".rules", StringComparison.OrdinalIgnoreCase))
            {
                error.WriteLine($"rulesengine: error: {given} is not a rule file (*.rules) or a rule folder");
                return null;
            }
            var folder = Path.GetDirectoryName(given);
            return new Target(string.IsNullOrEmpty(folder) ? "." : folder, Path.GetFullPath(given));
        }
        if (!Directory.Exists(given) && positional is null && option is null)
        {
            error.WriteLine("rulesengine: error: no rules/ folder here; run from a project with rules/, or name the folder: rulesengine check path/to/rules");
            return null;
        }
        if (!Directory.Exists(given) && given.EndsWith(".rules", StringComparison.OrdinalIgnoreCase))
        {
            // A misspelt file is named as a file, with the nearest one beside it, not as a missing folder.
            var beside = Path.GetDirectoryName(given) is { Length: > 0 } parent ? parent : ".";
            var near = Directory.Exists(beside)
                ? NameSuggester.Nearest(Path.GetFileName(given), Directory.GetFiles(beside, "*.rules").Select(Path.GetFileName).OfType<string>())
                : null;
            error.WriteLine($"rulesengine: error: no such rule file: {given}" + (near is null ? "" : $" (did you mean {Path.Combine(beside, near)}?)"));
            return null;
        }
        return new Target(given, null);
    }

    /// <summary>Whether a diagnostic or an example at <paramref name="file"/> belongs to the one file asked about (all do when a folder was asked about).</summary>
    public static bool Shows(Target target, string file) =>
        target.File is null || string.Equals(Path.GetFullPath(file), target.File, StringComparison.Ordinal);

    /// <summary>Compiles and prints every diagnostic to stderr; null when there were errors.</summary>
    public static Compilation Compile(string folder, TextWriter error)
    {
        // Outside a project the default folder is missing: say how to name one, not that `rules` does not exist.
        if (folder == DefaultRules && !Directory.Exists(folder))
        {
            error.WriteLine("rulesengine: error: no rules/ folder here; run from a project with rules/, or give the rule folder: --rules path/to/rules");
            return new Compilation(null, [], new Dictionary<string, string>());
        }
        var compilation = RuleCompiler.CompileFolder(folder);
        if (!compilation.Diagnostics.IsEmpty) error.Write(compilation.Format());
        return compilation;
    }
}
