using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Tests.Parsing;

/// <summary>
/// The golden files' serialisation: indented, camelCase, Arabic unescaped, enums as camelCase strings. Comparing
/// serialised documents also sidesteps record equality, which compares <see cref="Document.Sections"/> by reference.
/// </summary>
internal static class GoldenJson
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string Serialize(Document document) => JsonSerializer.Serialize(document, Options) + "\n";

    public static string Serialize(IEnumerable<Document> documents) => JsonSerializer.Serialize(documents, Options) + "\n";
}
