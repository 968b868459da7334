using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using DocumentApi.Core.Documents;

namespace DocumentApi.Benchmarks;

/// <summary>A blob the benchmark uploads: the name, the bytes, and the article it renders.</summary>
public sealed record BenchBlob(string Name, byte[] Bytes, string ContentType, Article Article);

/// <summary>
/// The storage floor, measured on the same Azurite with the same concurrency as the product's ingestion: the least
/// any ingestion must do (upload each blob, read it back once, write one entity per document), and bare rates.
/// </summary>
public static class StorageFloor
{
    public sealed record Result(
        double FloorSeconds,
        double FloorDocumentsPerSecond,
        double UploadOnlyPerSecond,
        double SingleUpsertsPerSecond,
        double BatchedEntitiesPerSecond);

    public static async Task<Result> MeasureAsync(
        string connectionString, IReadOnlyList<BenchBlob> blobs, int concurrency, int run, CancellationToken cancellationToken)
    {
        var container = new BlobServiceClient(connectionString).GetBlobContainerClient("floor");
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var tables = new TableServiceClient(connectionString);
        var table = tables.GetTableClient("Floor");
        await table.CreateIfNotExistsAsync(cancellationToken);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };

        // The floor: upload, read back, one entity holding what a listing and a rebuild need (metadata and the
        // gzipped bytes, split at the 64 KB property limit).
        var start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(blobs, parallel, async (blob, ct) =>
        {
            var client = container.GetBlobClient(blob.Name);
            await client.UploadAsync(
                BinaryData.FromBytes(blob.Bytes),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = blob.ContentType } },
                ct);
            var content = (await client.DownloadContentAsync(ct)).Value.Content.ToMemory();
            await table.UpsertEntityAsync(ToEntity(blob, content), TableUpdateMode.Replace, ct);
        });
        var floorSeconds = Stats.ElapsedMilliseconds(start) / 1000;
        var floor = blobs.Count / floorSeconds;

        // Bare rates, on at most 5,000 blobs / entities so the floor phase stays short.
        var sample = blobs.Take(Math.Min(blobs.Count, 5000)).ToArray();
        var uploads = new BlobServiceClient(connectionString).GetBlobContainerClient(string.Create(CultureInfo.InvariantCulture, $"uploads{run}"));
        await uploads.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(sample, parallel, async (blob, ct) =>
            await uploads.GetBlobClient(blob.Name).UploadAsync(BinaryData.FromBytes(blob.Bytes), ct));
        var uploadOnly = sample.Length / (Stats.ElapsedMilliseconds(start) / 1000);

        var single = tables.GetTableClient(string.Create(CultureInfo.InvariantCulture, $"Single{run}"));
        await single.CreateIfNotExistsAsync(cancellationToken);
        start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(sample, parallel, async (blob, ct) =>
            await single.UpsertEntityAsync(SmallEntity(DocumentId.For(blob.Name), DocumentId.For(blob.Name), blob.Article), TableUpdateMode.Replace, ct));
        var singleRate = sample.Length / (Stats.ElapsedMilliseconds(start) / 1000);

        var batched = tables.GetTableClient(string.Create(CultureInfo.InvariantCulture, $"Batched{run}"));
        await batched.CreateIfNotExistsAsync(cancellationToken);
        var batchEntities = blobs.Take(Math.Min(blobs.Count, 20_000)).ToArray();
        var batches = batchEntities.Chunk(100).Select((chunk, i) => (Partition: $"p{i:D5}", Chunk: chunk)).ToArray();
        start = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(batches, parallel, async (batch, ct) =>
            await batched.SubmitTransactionAsync(
                batch.Chunk.Select((blob, i) => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace, SmallEntity(batch.Partition, $"{batch.Partition}-r{i:D3}", blob.Article))),
                ct));
        var batchedRate = batchEntities.Length / (Stats.ElapsedMilliseconds(start) / 1000);

        return new Result(floorSeconds, floor, uploadOnly, singleRate, batchedRate);
    }

    private static TableEntity ToEntity(BenchBlob blob, ReadOnlyMemory<byte> content)
    {
        // The id as both keys: Azurite finds an entity by RowKey first, so a RowKey shared by every entity would make
        // each upsert scan them all (the product keys its blob rows the same way for the same reason).
        var id = DocumentId.For(blob.Name);
        var entity = SmallEntity(id, id, blob.Article);
        entity["ContentHash"] = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        entity["SizeBytes"] = (long)content.Length;
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(content.Span);
        }

        var compressed = buffer.ToArray();
        for (var i = 0; i * 64_000 < compressed.Length; i++)
        {
            entity[$"Body{i}"] = compressed.AsSpan(i * 64_000, Math.Min(64_000, compressed.Length - (i * 64_000))).ToArray();
        }

        return entity;
    }

    private static TableEntity SmallEntity(string partition, string row, Article article) => new(partition, row)
    {
        ["Title"] = article.Title,
        ["Source"] = article.Source,
        ["PublishedAt"] = article.PublishedAt,
    };
}
