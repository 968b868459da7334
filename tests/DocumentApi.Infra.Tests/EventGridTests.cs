using System.Text.Json;

namespace DocumentApi.Infra.Tests;

/// <summary>
/// Blob events of the documents container reach the app: BlobCreated the blob trigger (IngestBlob, Event Grid source),
/// BlobDeleted the Event Grid trigger (DocumentDeleted), with retries and a dead-letter container.
/// </summary>
public sealed class EventGridTests(InfraFixture infra)
{
    private const string SubscriptionType = "Microsoft.EventGrid/systemTopics/eventSubscriptions";
    private const string DocumentsSubjectPrefix = "/blobServices/default/containers/documents/blobs/";

    private JsonElement Subscription(string eventType) =>
        Assert.Single(infra.Events.OfType(SubscriptionType), subscription => subscription.Strings("properties.filter.includedEventTypes").Contains(eventType));

    [Fact]
    public void TheSystemTopicPublishesTheStorageAccountsEvents()
    {
        var topic = infra.Main.Only("Microsoft.EventGrid/systemTopics");
        var account = infra.Main.Only("Microsoft.Storage/storageAccounts");

        Assert.Equal(account.Text("id"), topic.Text("properties.source"));
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Text("properties.topicType"));
        Assert.Equal(account.Text("location"), topic.Text("location"));
        Assert.Equal(infra.Main.Outputs["EVENT_GRID_SYSTEM_TOPIC_NAME"], topic.Text("name"));
    }

    [Fact]
    public void TheEventStepSubscribesToTheTopicMainCreated()
    {
        var topicId = infra.Main.Only("Microsoft.EventGrid/systemTopics").Text("id");

        Assert.Equal(2, infra.Events.OfType(SubscriptionType).Count);
        Assert.All(infra.Events.OfType(SubscriptionType), subscription => Assert.StartsWith($"{topicId}/eventSubscriptions/", subscription.Text("id"), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Microsoft.Storage.BlobCreated")]
    [InlineData("Microsoft.Storage.BlobDeleted")]
    public void ASubscriptionTakesOneEventTypeFromTheDocumentsContainerOnly(string eventType)
    {
        var subscription = Subscription(eventType);

        Assert.Equal([eventType], subscription.Strings("properties.filter.includedEventTypes"));
        Assert.Equal(DocumentsSubjectPrefix, subscription.Text("properties.filter.subjectBeginsWith"));
        Assert.Null(subscription.Find("properties.filter.subjectEndsWith"));
        Assert.Equal("EventGridSchema", subscription.Text("properties.eventDeliverySchema"));
    }

    [Theory]
    [InlineData("Microsoft.Storage.BlobCreated", "https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}", "IngestBlob", "blobs_extension")]
    [InlineData("Microsoft.Storage.BlobDeleted", "https://{0}/runtime/webhooks/eventgrid?functionName={1}&code={2}", "DocumentDeleted", "eventgrid_extension")]
    public void ASubscriptionCallsItsExtensionsWebhookWithThatExtensionsSystemKey(string eventType, string urlFormat, string functionName, string systemKey)
    {
        var siteId = infra.Main.Only("Microsoft.Web/sites").Text("id");
        var destination = Subscription(eventType).At("properties.destination");
        var url = destination.Text("properties.endpointUrl");

        Assert.Equal("WebHook", destination.Text("endpointType"));
        Assert.StartsWith($"[format('{urlFormat}', reference('{siteId}', '2024-11-01').defaultHostName, '{functionName}', ", url, StringComparison.Ordinal);
        Assert.Contains($"listKeys('{siteId}/host/default', '2024-11-01').systemKeys, '{systemKey}')", url, StringComparison.Ordinal);
        Assert.Contains($".systemKeys.{systemKey}, fail(", url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft.Storage.BlobCreated")]
    [InlineData("Microsoft.Storage.BlobDeleted")]
    public void AnUndeliverableEventIsRetriedForADayThenDeadLetteredWithTheIdentity(string eventType)
    {
        var properties = Subscription(eventType).At("properties");
        var identityId = infra.Main.Only("Microsoft.ManagedIdentity/userAssignedIdentities").Text("id");

        Assert.Equal(30, properties.At("retryPolicy.maxDeliveryAttempts").GetInt32());
        Assert.Equal(1440, properties.At("retryPolicy.eventTimeToLiveInMinutes").GetInt32());
        Assert.Null(properties.Find("deadLetterDestination"));
        var deadLetter = properties.At("deadLetterWithResourceIdentity");
        Assert.Equal("UserAssigned", deadLetter.Text("identity.type"));
        Assert.Equal(identityId, deadLetter.Text("identity.userAssignedIdentity"));
        Assert.Equal("StorageBlob", deadLetter.Text("deadLetterDestination.endpointType"));
        Assert.Equal(infra.Main.Only("Microsoft.Storage/storageAccounts").Text("id"), deadLetter.Text("deadLetterDestination.properties.resourceId"));
        Assert.Equal(infra.Main.Outputs["DEAD_LETTER_CONTAINER_NAME"], deadLetter.Text("deadLetterDestination.properties.blobContainerName"));
    }

    [Fact]
    public void TheTopicCarriesTheIdentityThatMayWriteDeadLetters()
    {
        var topic = infra.Main.Only("Microsoft.EventGrid/systemTopics");
        var identityId = infra.Main.Only("Microsoft.ManagedIdentity/userAssignedIdentities").Text("id");
        var storageAccountId = infra.Main.Only("Microsoft.Storage/storageAccounts").Text("id");

        Assert.Equal([identityId], topic.At("identity.userAssignedIdentities").EnumerateObject().Select(identity => identity.Name));
        Assert.Contains(
            infra.Main.OfType("Microsoft.Authorization/roleAssignments").Select(RoleAssignment.From),
            assignment => assignment.RoleId == RoleAssignment.StorageBlobDataOwner
                && assignment.Scope == storageAccountId
                && Arm.IsReference(assignment.PrincipalId, identityId, "principalId"));
    }
}
