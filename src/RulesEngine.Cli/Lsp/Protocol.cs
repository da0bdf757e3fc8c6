using System.Text.Json.Serialization;

namespace RulesEngine.Cli.Lsp;

// The Language Server Protocol messages this server uses, and only those (LSP 3.17); names as
// the protocol spells them, in camel case on the wire.

public sealed record Position(int Line, int Character);

public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record LspDiagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public DiagnosticRelatedInformation[]? RelatedInformation { get; init; }
}

public sealed record PublishDiagnosticsParams(string Uri, LspDiagnostic[] Diagnostics);

public sealed record MarkupContent(string Kind, string Value);

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record CompletionItem(string Label, int Kind, string? Detail);

public sealed record DocumentSymbol(string Name, int Kind, Range Range, Range SelectionRange, string? Detail);

public sealed record ServerInfo(string Name, string Version);

public sealed record CompletionOptions(string[] TriggerCharacters);

public sealed record ServerCapabilities(
    int TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    bool DocumentSymbolProvider,
    CompletionOptions CompletionProvider);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public static class SymbolKinds
{
    public const int Struct = 23, Function = 12, Enum = 10, Constant = 14, Event = 24, Field = 8;
}

public static class CompletionKinds
{
    public const int Keyword = 14, Function = 3, Enum = 13, Field = 5, Reference = 18, Module = 9;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(Location[]))]
[JsonSerializable(typeof(CompletionItem[]))]
[JsonSerializable(typeof(DocumentSymbol[]))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(object))]
internal sealed partial class ProtocolJson : JsonSerializerContext;
