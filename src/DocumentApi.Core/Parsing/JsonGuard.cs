using System.Globalization;
using System.Text.Json;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Checks that bytes are one well-formed JSON value nested no deeper than the configured limit, before anything
/// builds a document from them, and says where the first problem is in words a person can act on.
/// </summary>
internal static class JsonGuard
{
    /// <summary>Null when the JSON is fine, else the reason it is not (with its line and byte).</summary>
    public static string? Check(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        // The reader's own limit is one level higher, so going too deep is reported here, by position, rather than as
        // a syntax error.
        maxDepth = Math.Max(maxDepth, 0);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    var (line, column) = Position(utf8, reader.TokenStartIndex);
                    return string.Create(
                        CultureInfo.InvariantCulture,
                        $"The JSON is nested deeper than the limit of {maxDepth} levels (line {line}, byte {column}).");
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            // The exception's message is for developers; its position is what a person needs.
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return string.Create(CultureInfo.InvariantCulture, $"The blob is not valid JSON: the first error is at line {line}, byte {column}.");
        }
    }

    /// <summary>One-based line and byte-in-line of an offset.</summary>
    private static (long Line, long Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var before = utf8[..(int)offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, offset - lineStart + 1);
    }
}
