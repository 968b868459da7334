using System.Diagnostics;

namespace DocumentApi.Infra.Tests;

/// <summary>
/// scripts/postdeploy.sh run by sh, as azd runs posix hooks, against a stand-in <c>az</c> that records its arguments
/// and answers whether the app's system keys exist. Nothing reaches Azure.
/// </summary>
public sealed class PostDeployHookTests(InfraFixture infra) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("documentapi-hook-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task TheHookDeploysTheEventStepOnceTheSystemKeysExist()
    {
        var run = await RunHookAsync(keysReady: true, withoutVariable: null, TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == 0, run.Output);
        var deployment = Assert.Single(run.AzCalls, call => call.StartsWith("deployment group create", StringComparison.Ordinal));
        Assert.Contains($"--resource-group {infra.Main.Outputs["AZURE_RESOURCE_GROUP"]}", deployment, StringComparison.Ordinal);
        Assert.Contains($"--subscription {InfraFixture.SubscriptionId}", deployment, StringComparison.Ordinal);
        Assert.Contains($"--template-file {Path.Combine(BicepCli.RepoRoot, "infra", "events.bicep")}", deployment, StringComparison.Ordinal);
        Assert.Contains($"--parameters {Path.Combine(BicepCli.RepoRoot, "infra", "events.bicepparam")}", deployment, StringComparison.Ordinal);
        Assert.StartsWith("functionapp keys list", run.AzCalls[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHookNeverReadsTheKeysThemselves()
    {
        var run = await RunHookAsync(keysReady: true, withoutVariable: null, TestContext.Current.CancellationToken);

        var keyQuery = Assert.Single(run.AzCalls, call => call.StartsWith("functionapp keys list", StringComparison.Ordinal));
        Assert.Contains("--query systemKeys.blobs_extension != null && systemKeys.eventgrid_extension != null", keyQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHookGivesUpWithoutDeployingWhenTheKeysNeverAppear()
    {
        var run = await RunHookAsync(keysReady: false, withoutVariable: null, TestContext.Current.CancellationToken);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(2, run.AzCalls.Count);
        Assert.DoesNotContain(run.AzCalls, call => call.StartsWith("deployment", StringComparison.Ordinal));
        Assert.Contains("still has no blobs_extension and eventgrid_extension system keys", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHookStopsBeforeCallingAzureWhenAnOutputOfMainIsMissing()
    {
        var run = await RunHookAsync(keysReady: true, withoutVariable: "EVENT_GRID_SYSTEM_TOPIC_NAME", TestContext.Current.CancellationToken);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(run.AzCalls);
        Assert.Contains("EVENT_GRID_SYSTEM_TOPIC_NAME is not set", run.Output, StringComparison.Ordinal);
    }

    private async Task<HookRun> RunHookAsync(bool keysReady, string? withoutVariable, CancellationToken cancellationToken)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_work.FullName, "bin")).FullName;
        var log = Path.Combine(_work.FullName, "az-calls.log");
        var az = Path.Combine(bin, "az");
        await File.WriteAllTextAsync(
            az,
            """
            #!/bin/sh
            echo "$*" >> "$AZ_STUB_LOG"
            if [ "$1 $2 $3" = "functionapp keys list" ]; then echo "$AZ_STUB_KEYS_READY"; fi
            """,
            cancellationToken);
        File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var startInfo = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _work.FullName,
        };
        startInfo.ArgumentList.Add(Path.Combine(BicepCli.RepoRoot, "scripts", "postdeploy.sh"));
        foreach (var (name, value) in infra.Main.Outputs)
        {
            startInfo.Environment[name] = value;
        }

        startInfo.Environment["AZURE_SUBSCRIPTION_ID"] = InfraFixture.SubscriptionId;
        startInfo.Environment["PATH"] = $"{bin}:/usr/bin:/bin";
        startInfo.Environment["AZ_STUB_LOG"] = log;
        startInfo.Environment["AZ_STUB_KEYS_READY"] = keysReady ? "true" : "false";
        startInfo.Environment["DOCUMENTAPI_KEY_WAIT_ATTEMPTS"] = "2";
        startInfo.Environment["DOCUMENTAPI_KEY_WAIT_SECONDS"] = "0";
        if (withoutVariable is not null)
        {
            startInfo.Environment.Remove(withoutVariable);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var calls = File.Exists(log) ? await File.ReadAllLinesAsync(log, cancellationToken) : [];
        return new HookRun(process.ExitCode, await output + await error, calls);
    }

    private sealed record HookRun(int ExitCode, string Output, IReadOnlyList<string> AzCalls);
}
