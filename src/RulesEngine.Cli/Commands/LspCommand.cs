using System.CommandLine;
using RulesEngine.Cli.Lsp;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine lsp`: the language server an editor starts (editors/vscode, or any LSP client).</summary>
internal static class LspCommand
{
    public static Command Create()
    {
        var command = new Command("lsp", """
            Run the language server for rule files on stdin and stdout (the Language Server Protocol),
            for an editor to start: diagnostics and failing examples as you type, hover, go to definition,
            references, outline and completion. editors/vscode holds the VS Code extension; docs/editors.md
            shows the configuration for Neovim and Helix.
            """);
        command.SetAction((_, _) => LanguageServer.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput()));
        return command;
    }
}
