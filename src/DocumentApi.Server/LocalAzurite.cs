using DocumentApi.Azurite;

namespace DocumentApi.Server;

/// <summary>
/// Makes <c>UseDevelopmentStorage=true</c> work on a machine with nothing running: when no Azurite listens on the
/// standard ports, starts one there (installing it with npm ci when needed) for the lifetime of the server.
/// </summary>
internal static partial class LocalAzurite
{
    private const int BlobPort = 10000;
    private const int QueuePort = 10001;
    private const int TablePort = 10002;

    public static bool IsDevelopmentStorage(string? connection) =>
        connection is not null
        && connection.Replace(" ", "", StringComparison.Ordinal)
            .Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    /// <returns>The Azurite this call started (dispose it on shutdown), or null when none was needed.</returns>
    public static async Task<AzuriteInstance?> StartIfNeededAsync(
        string? connection, string contentRoot, ILogger logger, CancellationToken cancellationToken = default)
    {
        if (!IsDevelopmentStorage(connection))
        {
            return null;
        }

        if (AzuriteInstance.IsListening(BlobPort) && AzuriteInstance.IsListening(TablePort))
        {
            LogUsingRunning(logger);
            return null;
        }

        var root = AzuriteInstaller.FindRepositoryRoot(contentRoot);
        LogStarting(logger, root);
        var azurite = await AzuriteInstance.StartAsync(root, (BlobPort, QueuePort, TablePort), cancellationToken);
        LogStarted(logger, azurite.ProcessId);
        return azurite;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the Azurite already listening on ports 10000-10002")]
    private static partial void LogUsingRunning(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Azurite (in memory) on ports 10000-10002 from {RepositoryRoot}")]
    private static partial void LogStarting(ILogger logger, string repositoryRoot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Azurite is running as process {ProcessId}; it stops with the server")]
    private static partial void LogStarted(ILogger logger, int processId);
}
