// Starts `rulesengine lsp` for .rules files. The command is the setting `rulesengine.server.path`
// (the installed .NET tool by default, or the ./rulesengine script of a checkout).
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('rulesengine').get('server.path') || 'rulesengine';
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('rulesengine', 'RulesEngine', server, {
    documentSelector: [{ scheme: 'file', language: 'rulesengine' }],
  });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
