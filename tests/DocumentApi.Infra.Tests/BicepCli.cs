using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace DocumentApi.Infra.Tests;

/// <summary>Runs the Bicep CLI restored from the Azure.Bicep.CommandLine.linux-x64 package.</summary>
public static class BicepCli
{
    /// <summary>Environment variables the parameter files read; cleared for every run so the developer's shell cannot leak in.</summary>
    private static readonly string[] ParameterVariables =
    [
        "AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_PRINCIPAL_ID", "AZURE_PRINCIPAL_TYPE",
        "DOCUMENTAPI_STORAGE_SKU", "DOCUMENTAPI_MAXIMUM_INSTANCE_COUNT",
        "EVENT_GRID_SYSTEM_TOPIC_NAME", "AZURE_FUNCTION_APP_NAME", "AZURE_STORAGE_ACCOUNT_NAME",
        "DOCUMENTS_CONTAINER_NAME", "DEAD_LETTER_CONTAINER_NAME", "AZURE_USER_ASSIGNED_IDENTITY_ID",
    ];

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string ExecutablePath { get; } = LocateExecutable();

    public static async Task<BicepRun> RunAsync(
        string workingDirectory,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment,
        CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in ParameterVariables)
        {
            startInfo.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new BicepRun(arguments, process.ExitCode, await standardOutput, await standardError);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Assembly metadata {key} is missing: build through DocumentApi.Infra.Tests.csproj.");

    private static string LocateExecutable()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The infra tests run the linux-x64 Bicep CLI package: run them on Linux (CI, WSL or a dev container).");
        }

        var path = Path.Combine(Metadata("BicepPackageRoot"), "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {path}: restore DocumentApi.Infra.Tests on linux-x64.");
        }

        // The build sets the bit too; a package folder restored by another tool may still lack it.
        var mode = File.GetUnixFileMode(path);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}

/// <summary>One finished Bicep CLI run.</summary>
public sealed record BicepRun(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>
    /// Every diagnostic (error, warning, info) of a run made with <c>--diagnostics-format sarif</c>: the CLI writes one
    /// SARIF log per file, one after another.
    /// </summary>
    public IReadOnlyList<string> SarifDiagnostics()
    {
        var diagnostics = new List<string>();
        foreach (var text in new[] { StandardError, StandardOutput })
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
            while (reader.Read())
            {
                using var log = JsonDocument.ParseValue(ref reader);
                if (!log.RootElement.TryGetProperty("runs", out var runs))
                {
                    continue;
                }

                foreach (var result in runs.EnumerateArray().SelectMany(run => run.GetProperty("results").EnumerateArray()))
                {
                    var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                    diagnostics.Add(
                        $"{location.GetProperty("artifactLocation").GetProperty("uri").GetString()}" +
                        $"({location.GetProperty("region").GetProperty("startLine").GetInt32()}): " +
                        $"{result.GetProperty("level").GetString()} {result.GetProperty("ruleId").GetString()}: " +
                        $"{result.GetProperty("message").GetProperty("text").GetString()}");
                }
            }
        }

        return diagnostics;
    }

    public override string ToString() =>
        $"bicep {string.Join(' ', Arguments)} exited with {ExitCode}\n{StandardError}";
}
