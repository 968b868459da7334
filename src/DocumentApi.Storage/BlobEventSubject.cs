using System.Diagnostics.CodeAnalysis;

namespace DocumentApi.Storage;

/// <summary>
/// Reads the blob name out of the subject of a Blob Storage Event Grid event:
/// <c>/blobServices/default/containers/{container}/blobs/{name}</c>, where the name keeps its folders.
/// </summary>
public static class BlobEventSubject
{
    private const string ContainersPrefix = "/blobServices/default/containers/";
    private const string BlobsSegment = "/blobs/";

    public static bool TryGetBlobName(string? subject, string container, [NotNullWhen(true)] out string? blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        blobName = null;
        var prefix = ContainersPrefix + container + BlobsSegment;
        if (subject is null || !subject.StartsWith(prefix, StringComparison.Ordinal) || subject.Length == prefix.Length)
        {
            return false;
        }

        blobName = subject[prefix.Length..];
        return true;
    }
}
