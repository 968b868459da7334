using System.Text.Json;

namespace DocumentApi.Infra.Tests;

/// <summary>
/// The hardening rules the issue sets, as checks that list every violation of one predicted resource. Tests assert
/// the list is empty for the real templates, and that a template with a regressed setting is caught.
/// </summary>
public static class SecurityBaseline
{
    public static IReadOnlyList<string> StorageAccountViolations(JsonElement account)
    {
        var violations = new List<string>();
        Expect(account, "properties.allowSharedKeyAccess", false, violations);
        Expect(account, "properties.allowBlobPublicAccess", false, violations);
        Expect(account, "properties.minimumTlsVersion", "TLS1_2", violations);
        Expect(account, "properties.supportsHttpsTrafficOnly", true, violations);
        Expect(account, "properties.allowCrossTenantReplication", false, violations);
        Expect(account, "properties.defaultToOAuthAuthentication", true, violations);
        return violations;
    }

    public static IReadOnlyList<string> FunctionAppViolations(JsonElement site)
    {
        var violations = new List<string>();
        Expect(site, "properties.httpsOnly", true, violations);
        Expect(site, "properties.siteConfig.ftpsState", "Disabled", violations);
        Expect(site, "properties.siteConfig.minTlsVersion", "1.2", violations);
        Expect(site, "properties.siteConfig.scmMinTlsVersion", "1.2", violations);
        return violations;
    }

    private static void Expect(JsonElement resource, string path, bool expected, List<string> violations)
    {
        var actual = resource.Find(path);
        if (actual is not { ValueKind: JsonValueKind.True or JsonValueKind.False } || actual.Value.GetBoolean() != expected)
        {
            violations.Add($"{path} is {Describe(actual)}, expected {expected.ToString().ToLowerInvariant()}");
        }
    }

    private static void Expect(JsonElement resource, string path, string expected, List<string> violations)
    {
        var actual = resource.Find(path);
        if (actual is not { ValueKind: JsonValueKind.String } || actual.Value.GetString() != expected)
        {
            violations.Add($"{path} is {Describe(actual)}, expected '{expected}'");
        }
    }

    private static string Describe(JsonElement? value) => value is null ? "missing" : value.Value.GetRawText();
}
