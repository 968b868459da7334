namespace DocumentApi.Infra.Tests;

/// <summary>The storage account takes Entra ID over TLS 1.2+ only and keeps deleted documents for a while.</summary>
public sealed class StorageAccountTests(InfraFixture infra)
{
    private const string StorageAccountType = "Microsoft.Storage/storageAccounts";

    [Fact]
    public void TheStorageAccountRefusesSharedKeysAnonymousReadsAndOldTls()
    {
        var account = infra.Main.Only(StorageAccountType);

        Assert.Empty(SecurityBaseline.StorageAccountViolations(account));
        Assert.Equal("StorageV2", account.Text("kind"));
    }

    [Fact]
    public async Task AStorageAccountThatAllowsSharedKeyAccessFailsTheBaseline()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var copy = infra.CopyInfra(nameof(AStorageAccountThatAllowsSharedKeyAccessFailsTheBaseline));
        var main = Path.Combine(copy, "main.bicep");
        var source = await File.ReadAllTextAsync(main, cancellationToken);
        Assert.Contains("allowSharedKeyAccess: false", source, StringComparison.Ordinal);
        await File.WriteAllTextAsync(main, source.Replace("allowSharedKeyAccess: false", "allowSharedKeyAccess: true", StringComparison.Ordinal), cancellationToken);

        var regressed = await InfraFixture.SnapshotAsync(copy, "main.bicepparam", InfraFixture.MainEnvironment(null), null, cancellationToken);

        var violation = Assert.Single(SecurityBaseline.StorageAccountViolations(regressed.Only(StorageAccountType)));
        Assert.StartsWith("properties.allowSharedKeyAccess is true", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void DeletedBlobsAndContainersCanBeRestoredForAWeek()
    {
        var blobService = infra.Main.Only("Microsoft.Storage/storageAccounts/blobServices");

        foreach (var policy in new[] { "properties.deleteRetentionPolicy", "properties.containerDeleteRetentionPolicy" })
        {
            Assert.True(blobService.At($"{policy}.enabled").GetBoolean(), $"{policy} is off");
            Assert.True(blobService.At($"{policy}.days").GetInt32() >= 7, $"{policy} keeps fewer than 7 days");
        }
    }

    [Fact]
    public void TheAppsContainersExistAndArePrivate()
    {
        var containers = infra.Main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        var names = containers.Select(container => container.Text("name").Split('/')[^1]).ToList();

        Assert.Contains("documents", names);
        Assert.Contains("documentapi-system", names);
        Assert.Contains(infra.Main.Outputs["DEAD_LETTER_CONTAINER_NAME"], names);
        Assert.Contains(names, name => name.StartsWith("app-package-", StringComparison.Ordinal));
        Assert.All(containers, container => Assert.Equal("None", container.Text("properties.publicAccess")));
    }

    [Fact]
    public void TheTablesTheAppReadsAreCreated()
    {
        var tables = infra.Main.OfType("Microsoft.Storage/storageAccounts/tableServices/tables")
            .Select(table => table.Text("name").Split('/')[^1])
            .Order(StringComparer.Ordinal);

        Assert.Equal(["DocumentChanges", "DocumentListing", "Documents"], tables);
    }
}
