using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace DocumentApi.Benchmarks;

/// <summary>
/// The standalone server as a child process (<c>dotnet DocumentApi.Server.dll</c> from this build's configuration),
/// pointed at a given Azurite, on a free loopback port; stopped by process id.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process, string baseUrl, long startedTimestamp)
    {
        _process = process;
        BaseUrl = baseUrl;
        StartedTimestamp = startedTimestamp;
    }

    /// <summary>e.g. <c>http://127.0.0.1:40123/api/</c>.</summary>
    public string BaseUrl { get; }

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the process was started.</summary>
    public long StartedTimestamp { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Completes when the server printed "DocumentApi is serving".</summary>
    public Task Serving => _serving.Task;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string ServerAssemblyPath(string repositoryRoot)
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var path = Path.Combine(repositoryRoot, "src", "DocumentApi.Server", "bin", configuration, "net10.0", "DocumentApi.Server.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"The server is not built: {path}. Build the benchmark (it builds the server too) with -c {configuration}.");
    }

    public static ServerProcess Start(
        string repositoryRoot, string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = ServerAssemblyPath(repositoryRoot);
        var port = FreePort();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(dll);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["DocumentStorage"] = connectionString,
            ["Urls"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["LocalServer__UploadSeedsWhenEmpty"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__DocumentApi"] = "Information",
            ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("The server did not start.");
        var server = new ServerProcess(process, string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/api/"), started);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => server._serving.TrySetException(
            new InvalidOperationException($"The server exited before serving. Output:\n{server.Output}"));
        return server;
    }

    public async Task WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Serving.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"The server did not say it was serving within {timeout}. Output:\n{Output}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (TimeoutException)
        {
            // The OS reaps it; its port is never reused by this run.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("DocumentApi is serving", StringComparison.Ordinal))
        {
            _serving.TrySetResult();
        }

        lock (_output)
        {
            if (_output.Length < 256 * 1024)
            {
                _output.AppendLine(line);
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
