using Azure.Messaging.EventGrid;
using Azure.Storage.Blobs;
using DocumentApi.Storage;
using Microsoft.Azure.Functions.Worker;

namespace DocumentApi.Functions;

/// <summary>
/// Keeps the tables in step with the container: created/changed blobs arrive through the blob trigger (Event Grid
/// source, as Flex Consumption requires), deletions through an Event Grid subscription, and a timer reconciles
/// whatever events were missed and refreshes the search snapshot.
/// </summary>
public sealed class IngestionFunctions(IDocumentIngestor ingestor, IReconciler reconciler, SearchIndexSynchronizer synchronizer)
{
    // Blob trigger paths must be constants; infra/ creates this container and the app settings point at it.
    private const string Container = "documents";

    [Function(nameof(IngestBlob))]
    public async Task IngestBlob(
        [BlobTrigger(Container + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = "DocumentStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        await ingestor.IngestAsync(blob.Name, cancellationToken);

    [Function(nameof(DocumentDeleted))]
    public async Task DocumentDeleted([EventGridTrigger] EventGridEvent blobDeleted, CancellationToken cancellationToken)
    {
        // IngestAsync looks at the blob as it is now, so a late or repeated delete event is harmless.
        if (BlobEventSubject.TryGetBlobName(blobDeleted.Subject, Container, out var blobName))
        {
            await ingestor.IngestAsync(blobName, cancellationToken);
        }
    }

    [Function(nameof(Reconcile))]
    public async Task Reconcile([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        await reconciler.ReconcileAsync(ReconcileMode.Quick, cancellationToken);
        await synchronizer.SaveSnapshotAsync(cancellationToken);
    }

    [Function(nameof(ReconcileDeep))]
    public async Task ReconcileDeep([TimerTrigger("0 30 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(ReconcileMode.Deep, cancellationToken);
}
