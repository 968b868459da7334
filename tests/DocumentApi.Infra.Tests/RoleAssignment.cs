using System.Text.Json;
using System.Text.RegularExpressions;

namespace DocumentApi.Infra.Tests;

/// <summary>A predicted role assignment, with its scope read from its resource ID.</summary>
public sealed partial record RoleAssignment(string Scope, string RoleDefinitionId, string PrincipalId, string PrincipalType, string Name)
{
    // Built-in role definition IDs.
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    public const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    public const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    public const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";
    public const string StorageAccountContributor = "17d1049b-9a84-46fb-8f53-869881c3d3ab";

    private const string Marker = "/providers/Microsoft.Authorization/roleAssignments/";

    /// <summary>The role's GUID, the last segment of its role definition ID.</summary>
    public string RoleId => RoleDefinitionId[(RoleDefinitionId.LastIndexOf('/') + 1)..];

    public static RoleAssignment From(JsonElement resource)
    {
        var id = resource.Text("id");
        // A name that depends on a runtime value (a principal ID) leaves the ID as extensionResourceId('<scope>', ...).
        var scope = ExtensionResourceIdScope().Match(id) is { Success: true } match
            ? match.Groups["scope"].Value
            : id[..id.IndexOf(Marker, StringComparison.Ordinal)];
        return new RoleAssignment(
            scope,
            resource.Text("properties.roleDefinitionId"),
            resource.Text("properties.principalId"),
            resource.Text("properties.principalType"),
            resource.Text("name"));
    }

    [GeneratedRegex(@"^\[extensionResourceId\('(?<scope>[^']+)', 'Microsoft\.Authorization/roleAssignments'")]
    private static partial Regex ExtensionResourceIdScope();
}
