using System.Text.Json;

namespace DocumentApi.Infra.Tests;

/// <summary>Every .bicep file builds and lints clean with the real Bicep CLI; linter findings are errors.</summary>
public sealed class BicepCompilationTests(InfraFixture infra)
{
    [Fact]
    public void EveryBicepFileBuildsWithoutErrorsOrWarnings()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.ToString());
        Assert.Empty(infra.Build.SarifDiagnostics());

        var sources = Directory.EnumerateFiles(Path.Combine(BicepCli.RepoRoot, "infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(Path.Combine(BicepCli.RepoRoot, "infra"), file))
            .Order(StringComparer.Ordinal);
        Assert.Equal(sources, infra.CompiledTemplates.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheLinterReportsNothingForAnyBicepFile()
    {
        Assert.True(infra.Lint.ExitCode == 0, infra.Lint.ToString());
        Assert.Empty(infra.Lint.SarifDiagnostics());
    }

    [Fact]
    public void BothParameterFilesEvaluateWithoutDiagnostics()
    {
        Assert.Empty(infra.Main.Diagnostics);
        Assert.Empty(infra.MainWithoutPrincipal.Diagnostics);
        Assert.Empty(infra.Events.Diagnostics);
    }

    [Fact]
    public void EveryEnabledLinterRuleIsAnError()
    {
        using var config = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(BicepCli.RepoRoot, "infra", "bicepconfig.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var rules = config.RootElement.At("analyzers.core.rules").EnumerateObject()
            .ToDictionary(rule => rule.Name, rule => rule.Value.Text("level"));

        Assert.All(rules, rule => Assert.Contains(rule.Value, new[] { "error", "off" }));
        Assert.All(
            new[] { "no-unused-params", "no-unused-vars", "outputs-should-not-contain-secrets", "secure-parameter-default", "use-secure-value-for-secure-inputs", "no-hardcoded-env-urls", "what-if-short-circuiting" },
            rule => Assert.Equal("error", rules.GetValueOrDefault(rule)));
    }

    [Fact]
    public async Task ALinterFindingFailsTheBuild()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var copy = infra.CopyInfra(nameof(ALinterFindingFailsTheBuild));
        await File.AppendAllTextAsync(
            Path.Combine(copy, "modules", "storage.bicep"),
            "\n@description('Optional. Never used.')\nparam forgottenSetting string = ''\n",
            cancellationToken);

        var run = await BicepCli.RunAsync(
            copy, ["build", "modules/storage.bicep", "--stdout", "--diagnostics-format", "sarif"], null, cancellationToken);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(run.SarifDiagnostics(), diagnostic => diagnostic.Contains("error no-unused-params", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryParameterIsDescribedAsRequiredOrOptional()
    {
        foreach (var (file, json) in infra.CompiledTemplates)
        {
            using var template = JsonDocument.Parse(json);
            foreach (var parameter in template.RootElement.At("parameters").EnumerateObject())
            {
                var description = parameter.Value.Find("metadata.description")?.GetString() ?? string.Empty;
                Assert.True(
                    description.StartsWith("Required. ", StringComparison.Ordinal) || description.StartsWith("Optional. ", StringComparison.Ordinal),
                    $"{file}: parameter {parameter.Name} has description '{description}'");
            }
        }
    }

    [Fact]
    public void EveryTemplateHasANameAndADescription()
    {
        Assert.All(infra.CompiledTemplates, compiled =>
        {
            using var template = JsonDocument.Parse(compiled.Value);
            Assert.False(string.IsNullOrWhiteSpace(template.RootElement.Find("metadata.name")?.GetString()), $"{compiled.Key} has no metadata name");
            Assert.False(string.IsNullOrWhiteSpace(template.RootElement.Find("metadata.description")?.GetString()), $"{compiled.Key} has no metadata description");
        });
    }
}
