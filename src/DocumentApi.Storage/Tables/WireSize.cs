using Azure.Data.Tables;

namespace DocumentApi.Storage.Tables;

/// <summary>
/// Estimates what an entity costs in a transaction request. The limit (4 MiB) applies to the request as sent, and the
/// Tables client writes JSON with non-ASCII characters escaped as <c>\uXXXX</c>: an Arabic letter takes 6 bytes, a
/// binary property takes its base64 length plus an <c>@odata.type</c> annotation. The estimate errs on the high side.
/// </summary>
internal static class WireSize
{
    /// <summary>Multipart boundary, headers and the request line with the escaped keys, per operation.</summary>
    private const int OperationOverhead = 600;

    /// <summary>Quotes, colon, comma, and room for an <c>@odata.type</c> annotation.</summary>
    private const int PropertyOverhead = 48;

    public static long Of(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = OperationOverhead + (3 * (JsonString(entity.PartitionKey) + JsonString(entity.RowKey)));
        if (entity is TableEntity table)
        {
            foreach (var (name, value) in table)
            {
                size += PropertyOverhead + JsonString(name) + Value(value);
            }
        }

        return size;
    }

    /// <summary>The length of <paramref name="text"/> as the Tables client escapes it in JSON.</summary>
    public static long JsonString(string? text)
    {
        if (text is null)
        {
            return 4;
        }

        long size = 2;
        foreach (var c in text)
        {
            size += c switch
            {
                '"' or '\\' => 2,
                < ' ' => 6,
                <= '~' => 1,
                _ => 6,
            };
        }

        return size;
    }

    private static long Value(object? value) => value switch
    {
        null => 4,
        string s => JsonString(s),
        byte[] bytes => Base64Length(bytes.Length),
        BinaryData data => Base64Length(data.ToMemory().Length),
        _ => 40,
    };

    private static long Base64Length(long bytes) => ((bytes + 2) / 3 * 4) + 2;
}
