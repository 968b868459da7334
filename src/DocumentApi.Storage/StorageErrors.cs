using Azure;

namespace DocumentApi.Storage;

/// <summary>Which storage failures a caller should retry, translated so Azure exceptions stay in this project.</summary>
internal static class StorageErrors
{
    /// <summary>No response (status 0), timeouts, throttling and server errors.</summary>
    public static bool IsTransient(RequestFailedException exception) =>
        exception.Status is 0 or 408 or 429 or >= 500;

    public static TransientStorageException Transient(string operation, RequestFailedException exception) =>
        new($"Storage failed while {operation} (status {exception.Status}, {exception.ErrorCode ?? "no error code"}); try again later.", exception);
}
