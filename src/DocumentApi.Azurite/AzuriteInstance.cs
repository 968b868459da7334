using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DocumentApi.Azurite;

/// <summary>
/// An Azurite process started from <c>node_modules/.bin/azurite</c>: in-memory, loopback only, on free ports chosen
/// at start, stopped (by process id, with its children) on dispose.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    /// <summary>The well-known development account key every Azurite accepts; not a secret.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private AzuriteInstance(Process process, StringBuilder output, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => _process.Id;

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) => string.Create(
        CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};");

    /// <summary>
    /// Starts Azurite. Installs it with <c>npm ci</c> first when <c>node_modules</c> lacks it. Ports default to free
    /// ones; pass the standard 10000–10002 to stand in for <c>UseDevelopmentStorage=true</c>.
    /// </summary>
    public static async Task<AzuriteInstance> StartAsync(
        string repositoryRoot,
        (int Blob, int Queue, int Table)? ports = null,
        CancellationToken cancellationToken = default)
    {
        var executable = await AzuriteInstaller.EnsureInstalledAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
        var (blobPort, queuePort, tablePort) = ports ?? (FreePort(), FreePort(), FreePort());
        var workspace = Directory.CreateTempSubdirectory("azurite-").FullName;

        var startInfo = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", blobPort.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queuePort.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", tablePort.ToString(CultureInfo.InvariantCulture),
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (Environment.GetEnvironmentVariable("DOCUMENTAPI_AZURITE_DEBUG_LOG") is { Length: > 0 } debugLog)
        {
            startInfo.ArgumentList.Add("--debug");
            startInfo.ArgumentList.Add(debugLog);
        }

        var output = new StringBuilder();
        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("Azurite did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                $"Could not start Azurite ({executable}): {ex.Message}. Azurite needs Node.js 20 or later on PATH.", ex);
        }

        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instance = new AzuriteInstance(process, output, blobPort, queuePort, tablePort);
        try
        {
            await instance.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return instance;
    }

    /// <summary>True when something accepts connections on the port on loopback.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromMilliseconds(500)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (TimeoutException)
        {
            // The OS will reap it; nothing else holds its ports once the tests end.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!(IsListening(BlobPort) && IsListening(QueuePort) && IsListening(TablePort)))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {_process.ExitCode} before listening. Output:\n{Output}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Azurite did not listen within 60 s. Output:\n{Output}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 64 * 1024)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
