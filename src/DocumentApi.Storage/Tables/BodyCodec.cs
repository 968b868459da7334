using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DocumentApi.Core.Documents;

namespace DocumentApi.Storage.Tables;

/// <summary>
/// A document's stored body: the whole <see cref="Document"/> as JSON (without <see cref="Document.Text"/>, which is
/// derived from the sections), gzip-compressed and cut into binary segments. Binary properties travel as base64, so
/// Arabic costs its compressed size instead of six bytes a character of escaped JSON text.
/// </summary>
internal static class BodyCodec
{
    /// <summary>A binary property holds at most 64 KiB; a round number below it leaves no doubt.</summary>
    public const int MaxSegmentBytes = 64_000;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Arabic stays as UTF-8 bytes before compression instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Encode(Document document)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, document with { Text = "" }, JsonOptions);
        }

        return buffer.ToArray();
    }

    public static Document Decode(IEnumerable<ReadOnlyMemory<byte>> segments)
    {
        using var compressed = new MemoryStream();
        foreach (var segment in segments)
        {
            compressed.Write(segment.Span);
        }

        compressed.Position = 0;
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        var document = JsonSerializer.Deserialize<Document>(gzip, JsonOptions)
            ?? throw new InvalidDataException("A stored document body is empty.");
        return document with { Text = Document.ComposeText(document.Sections) };
    }

    /// <summary>Cuts <paramref name="bytes"/> into pieces of at most <paramref name="size"/> bytes (none when empty).</summary>
    public static IEnumerable<ReadOnlyMemory<byte>> Split(ReadOnlyMemory<byte> bytes, int size)
    {
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            yield return bytes.Slice(offset, Math.Min(size, bytes.Length - offset));
        }
    }
}
