using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RulesEngine.Cli.Lsp;

/// <summary>
/// `rulesengine lsp`: the Language Server Protocol over stdin and stdout, answering from
/// <see cref="RuleWorkspace"/>. Full-text sync; each change is checked after a short pause, the
/// latest edit only, so typing never queues compilations. A request that fails is answered with
/// an error and the server goes on.
/// </summary>
internal sealed class LanguageServer
{
    private readonly RuleWorkspace _workspace = new();
    private readonly object _gate = new();
    private int _version;

    // Long enough to skip the compilations of keystrokes typed in a burst, short enough to feel live.
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(150);

    public static async Task<int> RunAsync(Stream input, Stream output)
    {
        var server = new LanguageServer { _channel = new JsonRpcChannel(input, output) };
        var shutDown = false;
        while (await server._channel.ReadAsync() is { } message)
        {
            using (message)
            {
                var root = message.RootElement;
                var method = root.TryGetProperty("method", out var m) ? m.GetString() : null;
                var parameters = root.TryGetProperty("params", out var p) ? p.Clone() : default;
                var isRequest = root.TryGetProperty("id", out var idElement);
                var id = isRequest ? idElement.Clone() : default;
                if (method == "exit") return shutDown ? 0 : 1;
                if (method == "shutdown") shutDown = true;
                try
                {
                    await server.HandleAsync(method, parameters, isRequest ? id : null);
                }
                catch (Exception e) when (isRequest)
                {
                    await server._channel.RespondErrorAsync(id, -32603, $"{method}: {e.Message}");
                }
                catch (Exception)
                {
                    // A notification has no answer to carry an error; the next check reports what matters.
                }
            }
        }
        return shutDown ? 0 : 1;
    }

    private JsonRpcChannel _channel = null!;

    private Task HandleAsync(string? method, JsonElement parameters, JsonElement? id)
    {
        switch (method)
        {
            case "initialize": return Answer(id, Initialize(parameters), ProtocolJson.Default.InitializeResult);
            case "shutdown": return id is { } shutdownId ? _channel.RespondAsync<object?>(shutdownId, null, NullJson) : Task.CompletedTask;
            case "textDocument/didOpen": DidOpen(parameters); return Task.CompletedTask;
            case "textDocument/didChange": DidChange(parameters); return Task.CompletedTask;
            case "textDocument/didSave": Schedule(Uri(parameters)); return Task.CompletedTask;
            case "textDocument/didClose": lock (_gate) _workspace.Close(Uri(parameters)); return Task.CompletedTask;
            case "textDocument/hover": return Answer(id, Locked(() => _workspace.HoverAt(Uri(parameters), At(parameters))), ProtocolJson.Default.Hover);
            case "textDocument/definition": return Answer(id, Locked(() => _workspace.Definition(Uri(parameters), At(parameters))), ProtocolJson.Default.LocationArray);
            case "textDocument/references": return Answer(id, Locked(() => _workspace.References(Uri(parameters), At(parameters))), ProtocolJson.Default.LocationArray);
            case "textDocument/documentSymbol": return Answer(id, Locked(() => _workspace.Symbols(Uri(parameters))), ProtocolJson.Default.DocumentSymbolArray);
            case "textDocument/completion": return Answer(id, Locked(() => _workspace.Complete(Uri(parameters), At(parameters))), ProtocolJson.Default.CompletionItemArray);
            default:
                // Requests we do not serve are refused, as the protocol asks; other notifications are ignored.
                return id is { } unknown ? _channel.RespondErrorAsync(unknown, -32601, $"method not served: {method}") : Task.CompletedTask;
        }
    }

    private static readonly JsonTypeInfo<object?> NullJson = (JsonTypeInfo<object?>)ProtocolJson.Default.GetTypeInfo(typeof(object))!;

    private Task Answer<T>(JsonElement? id, T result, JsonTypeInfo<T> type) =>
        id is { } requestId ? _channel.RespondAsync(requestId, result, type) : Task.CompletedTask;

    private InitializeResult Initialize(JsonElement parameters) =>
        new(new ServerCapabilities(TextDocumentSync: 1, HoverProvider: true, DefinitionProvider: true, ReferencesProvider: true,
            DocumentSymbolProvider: true, new CompletionOptions(["@", "."])), new ServerInfo("rulesengine", typeof(LanguageServer).Assembly.GetName().Version?.ToString() ?? ""));

    private static string Uri(JsonElement parameters) => parameters.GetProperty("textDocument").GetProperty("uri").GetString()!;

    private static Position At(JsonElement parameters)
    {
        var position = parameters.GetProperty("position");
        return new Position(position.GetProperty("line").GetInt32(), position.GetProperty("character").GetInt32());
    }

    private T Locked<T>(Func<T> answer)
    {
        lock (_gate) return answer();
    }

    private void DidOpen(JsonElement parameters)
    {
        var document = parameters.GetProperty("textDocument");
        lock (_gate) _workspace.Open(document.GetProperty("uri").GetString()!, document.GetProperty("text").GetString()!);
        Schedule(Uri(parameters));
    }

    private void DidChange(JsonElement parameters)
    {
        // Full sync: the last change holds the whole text.
        var changes = parameters.GetProperty("contentChanges");
        var text = changes[changes.GetArrayLength() - 1].GetProperty("text").GetString()!;
        lock (_gate) _workspace.Open(Uri(parameters), text);
        Schedule(Uri(parameters));
    }

    private void Schedule(string uri)
    {
        var version = Interlocked.Increment(ref _version);
        _ = Task.Run(async () =>
        {
            await Task.Delay(Pause);
            if (Volatile.Read(ref _version) != version) return;
            IReadOnlyDictionary<string, LspDiagnostic[]> diagnostics;
            try
            {
                lock (_gate) diagnostics = _workspace.Check(uri);
            }
            catch (Exception e)
            {
                // Never silence: a failure of the checker is itself said on the file.
                diagnostics = new Dictionary<string, LspDiagnostic[]>
                {
                    [uri] = [new LspDiagnostic(new Range(new(0, 0), new(0, 0)), 1, "internal", "rulesengine", $"the rule checker failed: {e.Message}")],
                };
            }
            foreach (var (file, list) in diagnostics)
                await _channel.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(file, list), ProtocolJson.Default.PublishDiagnosticsParams);
        });
    }
}
