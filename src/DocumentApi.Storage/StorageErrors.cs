using Azure;

namespace DocumentApi.Storage;

/// <summary>Which storage failures a caller should retry, translated so Azure exceptions stay in this project.</summary>
internal static class StorageErrors
{
    /// <summary>No response (status 0), timeouts, throttling and server errors.</summary>
    public static bool IsTransient(RequestFailedException exception) =>
        exception.Status is 0 or 408 or 429 or >= 500;

    /// <summary>
    /// Also true for the <see cref="AggregateException"/> Azure.Core throws when its retries run out on failures
    /// without a response (connection refused, DNS, TLS): that is the shape of an outage.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RequestFailedException failed => IsTransient(failed),
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
            && aggregate.InnerExceptions.All(inner => inner is RequestFailedException failed && IsTransient(failed)),
        _ => false,
    };

    /// <summary>The HTTP status of a storage failure; 0 when no response came back.</summary>
    public static int StatusOf(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status,
        AggregateException { InnerExceptions: [RequestFailedException failed, ..] } => failed.Status,
        _ => 0,
    };

    public static TransientStorageException Transient(string operation, Exception exception) =>
        new($"Storage failed while {operation} (status {StatusOf(exception)}, {(exception as RequestFailedException)?.ErrorCode ?? "no error code"}); try again later.", exception);
}
