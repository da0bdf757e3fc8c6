// Drives `rulesengine lsp` over stdio with the protocol implementation VS Code itself uses
// (vscode-jsonrpc, vscode-languageserver-protocol): initialize, open a broken rule file, get its
// diagnostics at the positions `rulesengine check` prints, fix it, see them cleared, then hover,
// definition, completion, shutdown and exit.
// Usage: node test/lsp-exchange.js [command [arguments...]]   (default: the checkout's ./rulesengine;
// the test suite passes `dotnet path/to/RulesEngine.Cli.dll`)
'use strict';
const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const rpc = require('vscode-jsonrpc/node');
const lsp = require('vscode-languageserver-protocol');

const repo = path.resolve(__dirname, '..', '..', '..');
const [command, ...prefix] = process.argv.length > 2 ? process.argv.slice(2) : [path.join(repo, 'rulesengine')];

const broken = [
  'output { grade: int, council: text }',
  '',
  'rule grade',
  '  match "grade is" grade_wrd -> g',
  '  emit grade = value(g)',
  '',
  'lexicon grade_word { good => 3 }',
  '',
  'example grade "The grade is good."',
  '  expect grade = 3',
  '',
].join('\n');
const fixed = broken.replace('grade_wrd', 'grade_word');

function deadline(promise, what, ms = 60000) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rulesengine-lsp-'));
  const file = path.join(folder, 'grades.rules');
  fs.writeFileSync(file, broken);
  const uri = 'file://' + file;

  const check = cp.spawnSync(command, [...prefix, 'check', folder], { encoding: 'utf8' });
  const printed = /grades\.rules:(\d+):(\d+): error: (.*) \[(RE\d+)\]/.exec(check.stderr + check.stdout);
  assert.ok(printed, 'check printed no error:\n' + check.stderr);

  const server = cp.spawn(command, [...prefix, 'lsp'], { cwd: folder, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));
  const published = [];
  let notify = () => {};
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === uri) { published.push(params.diagnostics); notify(); }
  });
  connection.listen();
  const nextDiagnostics = (what) => deadline(new Promise((resolve) => {
    const seen = published.length;
    notify = () => { if (published.length > seen) resolve(published[published.length - 1]); };
  }), what);

  const init = await deadline(connection.sendRequest(lsp.InitializeRequest.type, { processId: process.pid, rootUri: 'file://' + folder, capabilities: {} }), 'initialize');
  assert.strictEqual(init.capabilities.hoverProvider, true);
  connection.sendNotification(lsp.InitializedNotification.type, {});

  const first = nextDiagnostics('diagnostics of the broken file');
  connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'rulesengine', version: 1, text: broken } });
  const diagnostics = await first;
  assert.strictEqual(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [, line, column, message, code] = printed;
  assert.strictEqual(diagnostics[0].range.start.line, Number(line) - 1);
  assert.strictEqual(diagnostics[0].range.start.character, Number(column) - 1);
  assert.strictEqual(diagnostics[0].code, code);
  assert.ok(diagnostics[0].message.startsWith(message.replace(/ \(did you mean.*$/, '')), diagnostics[0].message);
  assert.strictEqual(diagnostics[0].severity, 1);

  const cleared = nextDiagnostics('diagnostics after the fix');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
  assert.deepStrictEqual(await cleared, []);

  const failing = nextDiagnostics('diagnostics of a failing example');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: fixed.replace('expect grade = 3', 'expect grade = 4') }] });
  const example = await failing;
  assert.strictEqual(example.length, 1, JSON.stringify(example));
  assert.strictEqual(example[0].range.start.line, 9);
  assert.ok(example[0].message.includes('expected 4'), example[0].message);
  const again = nextDiagnostics('diagnostics after the example is fixed');
  connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 4 }, contentChanges: [{ text: fixed }] });
  assert.deepStrictEqual(await again, []);

  const hover = await connection.sendRequest(lsp.HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 20 } });
  assert.ok(hover && hover.contents.value.includes('lexicon grade_word'), JSON.stringify(hover));

  const definition = await connection.sendRequest(lsp.DefinitionRequest.type, { textDocument: { uri }, position: { line: 3, character: 20 } });
  assert.strictEqual(definition.length, 1);
  assert.strictEqual(definition[0].range.start.line, 6);

  const completion = await connection.sendRequest(lsp.CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 7 } });
  const labels = completion.map((item) => item.label);
  assert.ok(labels.includes('grade') && labels.includes('council'), labels.join(', '));

  await connection.sendRequest(lsp.ShutdownRequest.type);
  connection.sendNotification(lsp.ExitNotification.type);
  const code_ = await deadline(new Promise((resolve) => server.on('exit', resolve)), 'exit', 10000);
  assert.strictEqual(code_, 0);
  connection.dispose();
  console.log('lsp exchange: initialize, diagnostics as check prints them, cleared on fix, a failing example, hover, definition, completion, shutdown: ok');
}

main().catch((error) => { console.error(error); process.exit(1); });
