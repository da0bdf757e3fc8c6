using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RulesEngine.Cli.Lsp;

/// <summary>
/// JSON-RPC 2.0 with the Language Server Protocol's framing (`Content-Length` headers) over two
/// streams. Written here rather than taken from StreamJsonRpc: that library's JSON formatter is not
/// safe for a native (AOT) build, which the `rulesengine` command is; this one serialises only the
/// protocol's own source-generated types.
/// </summary>
internal sealed class JsonRpcChannel(Stream input, Stream output)
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    // A message larger than this is no rule file's: the client is not one we can serve.
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    /// <summary>The next message's JSON, or null at the end of the input.</summary>
    public async Task<JsonDocument?> ReadAsync(CancellationToken cancel = default)
    {
        var length = -1;
        while (true)
        {
            var header = await ReadLineAsync(cancel);
            if (header is null) return null;
            if (header.Length == 0) break;
            var colon = header.IndexOf(':');
            if (colon > 0 && header[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(header[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        if (length < 0 || length > MaxMessageBytes) throw new InvalidDataException($"a message without a usable Content-Length ({length})");
        var body = new byte[length];
        await input.ReadExactlyAsync(body, cancel);
        return JsonDocument.Parse(body);
    }

    private async Task<string?> ReadLineAsync(CancellationToken cancel)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await input.ReadAsync(one, cancel) == 0) return line.Length == 0 ? null : line.ToString();
            if (one[0] == '\n') return line.ToString().TrimEnd('\r');
            line.Append((char)one[0]);
        }
    }

    public Task RespondAsync<T>(JsonElement id, T result, JsonTypeInfo<T> type) => WriteAsync(writer =>
    {
        writer.WritePropertyName("id");
        id.WriteTo(writer);
        writer.WritePropertyName("result");
        if (result is null) writer.WriteNullValue();
        else JsonSerializer.Serialize(writer, result, type);
    });

    public Task RespondErrorAsync(JsonElement id, int code, string message) => WriteAsync(writer =>
    {
        writer.WritePropertyName("id");
        id.WriteTo(writer);
        writer.WriteStartObject("error");
        writer.WriteNumber("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    });

    public Task NotifyAsync<T>(string method, T parameters, JsonTypeInfo<T> type) => WriteAsync(writer =>
    {
        writer.WriteString("method", method);
        writer.WritePropertyName("params");
        JsonSerializer.Serialize(writer, parameters, type);
    });

    private async Task WriteAsync(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            body(writer);
            writer.WriteEndObject();
        }
        var header = Encoding.ASCII.GetBytes($"Content-Length: {buffer.Length}\r\n\r\n");
        await _writing.WaitAsync();
        try
        {
            await output.WriteAsync(header);
            await output.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            await output.FlushAsync();
        }
        finally
        {
            _writing.Release();
        }
    }
}
