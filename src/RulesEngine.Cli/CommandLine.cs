using System.CommandLine;
using RulesEngine.Cli.Commands;

namespace RulesEngine.Cli;

internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("RulesEngine: turns inspection letters into data with rules experts write.");
        root.Options.Add(Logging.VerboseOption);
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(SnapshotCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(ReadCommand.Create());
        root.Subcommands.Add(FieldsCommand.Create());
        root.Subcommands.Add(LspCommand.Create());
        return root;
    }
}
