using System.ComponentModel;
using System.Diagnostics;

namespace DocumentApi.Azurite;

/// <summary>
/// Installs Azurite from the repository's package-lock.json (<c>npm ci</c>) when it is missing. Several processes
/// (test assemblies run in parallel) may ask at once: an exclusive lock file makes exactly one of them install.
/// </summary>
public static class AzuriteInstaller
{
    public static async Task<string> EnsureInstalledAsync(string repositoryRoot, CancellationToken cancellationToken = default)
    {
        var executable = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (File.Exists(executable))
        {
            return executable;
        }

        var lockPath = Path.Combine(repositoryRoot, ".npm-install.lock");
        using (await AcquireLockAsync(lockPath, cancellationToken).ConfigureAwait(false))
        {
            if (!File.Exists(executable))
            {
                await RunNpmCiAsync(repositoryRoot, cancellationToken).ConfigureAwait(false);
            }
        }

        return File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"npm ci finished but {executable} does not exist.");
    }

    /// <summary>Walks up from <paramref name="start"/> to the folder whose package.json names Azurite.</summary>
    public static string FindRepositoryRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var packageJson = Path.Combine(dir.FullName, "package.json");
            if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No package.json naming azurite above {start ?? AppContext.BaseDirectory}: run from a clone of the repository.");
    }

    private static async Task RunNpmCiAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("npm")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException(
                "Azurite is not installed and npm could not be run to install it: Node.js 20 or later (with npm) " +
                $"must be on PATH. ({ex.Message})", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"npm ci failed with exit code {process.ExitCode}:\n{await stdout.ConfigureAwait(false)}\n{await stderr.ConfigureAwait(false)}");
            }
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
