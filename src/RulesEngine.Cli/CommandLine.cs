using System.CommandLine;
using RulesEngine.Cli.Commands;

namespace RulesEngine.Cli;

internal static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("RulesEngine: turns inspection letters into data with rules experts write.");
        root.Subcommands.Add(ReadCommand.Create());
        return root;
    }
}
