using System.Runtime.Versioning;
using System.Text.Json;

[assembly: AssemblyFixture(typeof(DocumentApi.Infra.Tests.InfraFixture))]
// The Bicep CLI package these tests run is linux-x64, and the hook under test is a POSIX sh script.
[assembly: SupportedOSPlatform("linux")]

namespace DocumentApi.Infra.Tests;

/// <summary>
/// Builds, lints and evaluates infra/ once per test run, on copies in a temporary folder (bicep snapshot writes next
/// to the parameter file). The snapshots are the compiled ARM templates evaluated by Bicep's own deployment engine
/// with the real parameter files, the way azd would run them: names, scopes and literal values are resolved; values
/// only Azure knows (principal IDs, endpoints, keys) stay as ARM expressions.
/// </summary>
public sealed class InfraFixture : IAsyncLifetime
{
    public const string SubscriptionId = "0a0a0a0a-0000-4000-8000-000000000001";
    public const string TenantId = "0a0a0a0a-0000-4000-8000-000000000002";
    public const string EnvironmentName = "infra-test";
    public const string Location = "swedencentral";
    public const string DeveloperPrincipalId = "0a0a0a0a-0000-4000-8000-000000000003";

    private readonly string _root = Directory.CreateTempSubdirectory("documentapi-infra-").FullName;

    /// <summary>The one <c>bicep build</c> run over every .bicep file under infra/.</summary>
    public BicepRun Build { get; private set; } = null!;

    /// <summary>The one <c>bicep lint</c> run over every .bicep file under infra/.</summary>
    public BicepRun Lint { get; private set; } = null!;

    /// <summary>Compiled ARM JSON of every .bicep file, keyed by its path under infra/ (e.g. modules/storage.bicep).</summary>
    public IReadOnlyDictionary<string, string> CompiledTemplates { get; private set; } = new Dictionary<string, string>();

    /// <summary>main.bicepparam evaluated as azd provisions it for a signed-in developer.</summary>
    public DeploymentSnapshot Main { get; private set; } = null!;

    /// <summary>main.bicepparam evaluated without a developer principal (AZURE_PRINCIPAL_ID unset).</summary>
    public DeploymentSnapshot MainWithoutPrincipal { get; private set; } = null!;

    /// <summary>events.bicepparam evaluated with main's outputs in the environment, as the postdeploy hook runs it.</summary>
    public DeploymentSnapshot Events { get; private set; } = null!;

    public static IReadOnlyDictionary<string, string> MainEnvironment(string? principalId) =>
        new Dictionary<string, string>
        {
            ["AZURE_ENV_NAME"] = EnvironmentName,
            ["AZURE_LOCATION"] = Location,
            ["AZURE_PRINCIPAL_ID"] = principalId ?? string.Empty,
        };

    /// <summary>A fresh copy of infra/ under this fixture's temporary folder, for runs that write next to the sources.</summary>
    public string CopyInfra(string name)
    {
        var target = Path.Combine(_root, name, "infra");
        var source = Path.Combine(BicepCli.RepoRoot, "infra");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public static async Task<DeploymentSnapshot> SnapshotAsync(
        string infraDirectory,
        string parameterFile,
        IReadOnlyDictionary<string, string> environment,
        string? resourceGroup,
        CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "snapshot", parameterFile, "--mode", "overwrite",
            "--subscription-id", SubscriptionId, "--tenant-id", TenantId, "--location", Location,
        ];
        if (resourceGroup is not null)
        {
            arguments.AddRange(["--resource-group", resourceGroup]);
        }

        var run = await BicepCli.RunAsync(infraDirectory, arguments, environment, cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(run.ToString());
        }

        var snapshotPath = Path.Combine(infraDirectory, Path.ChangeExtension(parameterFile, ".snapshot.json"));
        return DeploymentSnapshot.Parse(await File.ReadAllTextAsync(snapshotPath, cancellationToken));
    }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var infra = CopyInfra("main");
        var infraWithoutPrincipal = CopyInfra("no-principal");
        var compiled = Path.Combine(_root, "compiled");
        Directory.CreateDirectory(compiled);

        var build = BicepCli.RunAsync(
            infra, ["build", "--pattern", "**/*.bicep", "--outdir", compiled, "--diagnostics-format", "sarif"], null, cancellationToken);
        var lint = BicepCli.RunAsync(
            infra, ["lint", "--pattern", "**/*.bicep", "--diagnostics-format", "sarif"], null, cancellationToken);
        var withoutPrincipal = SnapshotAsync(infraWithoutPrincipal, "main.bicepparam", MainEnvironment(null), null, cancellationToken);

        Main = await SnapshotAsync(infra, "main.bicepparam", MainEnvironment(DeveloperPrincipalId), null, cancellationToken);
        // The hook's environment is azd's: main's outputs plus the azd variables.
        var hookEnvironment = Main.Outputs.ToDictionary(output => output.Key, output => output.Value);
        Events = await SnapshotAsync(infra, "events.bicepparam", hookEnvironment, Main.Outputs["AZURE_RESOURCE_GROUP"], cancellationToken);
        MainWithoutPrincipal = await withoutPrincipal;
        Build = await build;
        Lint = await lint;

        CompiledTemplates = Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(infra, file))
            .Where(relative => File.Exists(Path.Combine(compiled, Path.ChangeExtension(relative, ".json"))))
            .ToDictionary(
                relative => relative,
                relative => File.ReadAllText(Path.Combine(compiled, Path.ChangeExtension(relative, ".json"))));
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The resources and outputs <c>bicep snapshot</c> predicts for one deployment.</summary>
public sealed class DeploymentSnapshot
{
    private DeploymentSnapshot(IReadOnlyList<JsonElement> resources, IReadOnlyDictionary<string, string> outputs, IReadOnlyList<string> diagnostics)
    {
        Resources = resources;
        Outputs = outputs;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<JsonElement> Resources { get; }

    /// <summary>Outputs rendered as azd writes them to the environment: strings as they are, anything else as JSON.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; }

    public IReadOnlyList<string> Diagnostics { get; }

    public static DeploymentSnapshot Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        return new DeploymentSnapshot(
            [.. root.GetProperty("predictedResources").EnumerateArray()],
            root.GetProperty("outputs").EnumerateObject().ToDictionary(
                output => output.Name,
                output => output.Value.ValueKind == JsonValueKind.String ? output.Value.GetString()! : output.Value.GetRawText()),
            [.. root.GetProperty("diagnostics").EnumerateArray().Select(diagnostic => diagnostic.GetRawText())]);
    }

    public IReadOnlyList<JsonElement> OfType(string type) =>
        [.. Resources.Where(resource => string.Equals(resource.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase))];

    public JsonElement Only(string type) => Assert.Single(OfType(type));

    public string ResourceGroupId => $"/subscriptions/{InfraFixture.SubscriptionId}/resourceGroups/{Outputs["AZURE_RESOURCE_GROUP"]}";

    public string ResourceId(string type, string name) => $"{ResourceGroupId}/providers/{type}/{name}";
}
