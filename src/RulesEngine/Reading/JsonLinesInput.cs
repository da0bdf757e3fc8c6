using System.Text.Json;

namespace RulesEngine.Reading;

/// <summary>
/// Letters as a stream of JSON objects, one per line, for the engine as a filter in a pipeline
/// (Hadoop Streaming, Spark's `RDD.pipe`, GNU parallel): `{"id": ..., "text": ...}` carries the
/// letter, `{"id": ..., "path": ...}` names its file (text, HTML, Word or PDF), and
/// `{"id": ..., "base64": ...}` carries a document's bytes. Lines are read as they are needed, so
/// records flow out while the input is still coming. A line that is not such an object is a letter
/// with an error, in its place, never a stop.
/// </summary>
public static class JsonLinesInput
{
    public static IEnumerable<LetterSource> Read(TextReader input, string streamName)
    {
        var number = 0;
        while (input.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return Parse(line, $"{streamName}:{number}", $"line-{number}");
        }
    }

    private static LetterSource Parse(string line, string where, string fallbackId)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return LetterSource.Unreadable(where, fallbackId, $"the line is not JSON: {e.Message}");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return LetterSource.Unreadable(where, fallbackId, $"expected an object such as {{\"id\": \"a\", \"text\": \"...\"}}, got {root.ValueKind.ToString().ToLowerInvariant()}");
            var id = root.TryGetProperty("id", out var idValue) && idValue.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? idValue.ToString()
                : fallbackId;
            if (id.Length == 0) id = fallbackId;
            var display = $"{where} ({id})";
            if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                return LetterSource.FromText(id, text.GetString()!) with { DisplayPath = display };
            if (root.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.String)
                return LetterSource.FromFile(path.GetString()!, id);
            if (root.TryGetProperty("base64", out var data) && data.ValueKind == JsonValueKind.String)
            {
                try
                {
                    return LetterSource.FromBytes(display, id, Convert.FromBase64String(data.GetString()!));
                }
                catch (FormatException)
                {
                    return LetterSource.Unreadable(display, id, $"\"base64\" is not valid base64");
                }
            }
            return LetterSource.Unreadable(display, id, $"the object has none of \"text\", \"path\" or \"base64\"");
        }
    }
}
