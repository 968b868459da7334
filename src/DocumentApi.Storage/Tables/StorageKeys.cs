using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentApi.Core.Documents;

namespace DocumentApi.Storage.Tables;

/// <summary>
/// Partition and row keys. Document ids are <c>[a-z0-9._-]</c>, so every separator below is chosen to sort before
/// any id character: <c>'!'</c> (0x21) is below <c>'-'</c>, <c>'.'</c> and the digits, which keeps the rows of
/// <c>x-1</c> apart from those of <c>x-10</c>.
/// </summary>
internal static class StorageKeys
{
    /// <summary>
    /// The blob row: <c>'!'</c> sorts it before every document row of its partition, and the partition in the key makes
    /// every blob row's key different. Azurite finds an entity by its RowKey first and then filters on the
    /// PartitionKey, so a RowKey that every partition shared made each write of a blob row scan all of them.
    /// </summary>
    public static string BlobRowKey(string partition) => "!" + partition;

    /// <summary>RowKey bounds of every blob row across partitions: from <c>'!'</c> (inclusive) to <c>'"'</c> (exclusive).</summary>
    public const string BlobRowKeysFrom = "!";

    /// <inheritdoc cref="BlobRowKeysFrom"/>
    public const string BlobRowKeysTo = "\"";

    public const string AllScope = "all";

    private const int HashHexLength = 16;
    private static readonly long MaxTicks = DateTime.MaxValue.Ticks;

    /// <summary>The partition of a blob: the id of its single document (element documents add <c>-{index}</c>).</summary>
    public static string PartitionForBlob(string blobName) => DocumentId.For(blobName);

    /// <summary>
    /// The partition of a document id. Ids are <c>{slug}-{hash16}</c> or <c>{slug}-{hash16}-{index}</c>; a last segment
    /// of exactly 16 hex digits is the hash (an element index never has 16 digits), a shorter run of digits is an index.
    /// </summary>
    public static string? PartitionForDocument(string id)
    {
        if (!DocumentId.IsWellFormed(id))
        {
            return null;
        }

        var lastDash = id.LastIndexOf('-');
        if (lastDash <= 0)
        {
            return id;
        }

        var last = id.AsSpan(lastDash + 1);
        if (last.Length == HashHexLength && IsLowerHex(last))
        {
            return id;
        }

        return last.Length is > 0 and < HashHexLength && IsDigits(last) ? id[..lastDash] : id;
    }

    public static string MetaRowKey(string documentId) => documentId + "!0";

    public static string ChunkRowKey(string documentId, string version, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{documentId}!c{version}!{index:D5}");

    /// <summary>Lower bound (inclusive) of the rows of one document: its meta row, then its chunk rows.</summary>
    public static string DocumentRangeStart(string documentId) => documentId + "!";

    /// <summary>Upper bound (exclusive): <c>'"'</c> is the character after <c>'!'</c>.</summary>
    public static string DocumentRangeEnd(string documentId) => documentId + "\"";

    /// <summary>
    /// The sort key of a listing row, newest first: inverted publication ticks, then inverted ingestion ticks, then
    /// the id. Undated documents (<c>u…</c>) sort after every dated one (<c>d…</c>).
    /// </summary>
    public static string ListingRowKey(DateTimeOffset? publishedAt, DateTimeOffset ingestedAt, string documentId) =>
        publishedAt is { } published
            ? string.Create(CultureInfo.InvariantCulture, $"d{Invert(published):D19}{Invert(ingestedAt):D19}{documentId}")
            : string.Create(CultureInfo.InvariantCulture, $"u{Invert(ingestedAt):D19}{documentId}");

    /// <summary>
    /// RowKey bounds for a publication date filter (both ends inclusive). A date filter excludes undated documents.
    /// </summary>
    public static (string? Lower, string? Upper) ListingBounds(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null && to is null)
        {
            return (null, null);
        }

        // Newer dates have smaller inverted ticks: "to" gives the lower bound and "from" the upper one.
        var lower = to is { } t ? string.Create(CultureInfo.InvariantCulture, $"d{Invert(t):D19}") : "d";
        var upper = from is { } f ? string.Create(CultureInfo.InvariantCulture, $"d{Invert(f) + 1:D19}") : "e";
        return (lower, upper);
    }

    /// <summary>
    /// The listing partition of a source. Sources that are safe key text keep their name; others (or long ones) are
    /// hashed, since PartitionKey forbids <c>/ \ # ?</c> and control characters.
    /// </summary>
    public static string SourceScope(string source)
    {
        if (source.Length is > 0 and <= 100 && source.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_'))
        {
            return "src-" + source;
        }

        return "srcx-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..32];
    }

    public static IEnumerable<string> ScopesFor(string? source) =>
        string.IsNullOrEmpty(source) ? [AllScope] : [AllScope, SourceScope(source)];

    private static long Invert(DateTimeOffset value) => MaxTicks - value.UtcTicks;

    private static bool IsLowerHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
