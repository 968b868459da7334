using System.Buffers.Binary;
using System.Text;
using DocumentApi.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace DocumentApi.Search;

/// <summary>
/// The snapshot format: the files of one Lucene commit in a length-prefixed container.
/// <c>"DAIXSNAP"</c>, format version, analyzer version, file count (int32 each, little-endian), then per file its
/// UTF-8 name (int32 length + bytes) and its bytes (int64 length + bytes). Lucene's own files carry checksums.
/// </summary>
internal static class IndexSnapshot
{
    private const int FormatVersion = 1;
    private const int MaxFiles = 100_000;
    private const int MaxNameBytes = 1024;
    private const int BufferSize = 64 * 1024;
    private static readonly byte[] Magic = "DAIXSNAP"u8.ToArray();

    public static async Task WriteAsync(Directory directory, IndexCommit commit, Stream destination, CancellationToken cancellationToken)
    {
        var names = commit.FileNames.Order(StringComparer.Ordinal).ToList();
        var buffer = new byte[BufferSize];
        Magic.CopyTo(buffer, 0);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(12), ArabicSearchAnalyzer.Version);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(16), names.Count);
        await destination.WriteAsync(buffer.AsMemory(0, 20), cancellationToken);

        foreach (var name in names)
        {
            using var input = directory.OpenInput(name, IOContext.READ_ONCE);
            var nameLength = Encoding.UTF8.GetBytes(name, 0, name.Length, buffer, 4);
            BinaryPrimitives.WriteInt32LittleEndian(buffer, nameLength);
            BinaryPrimitives.WriteInt64LittleEndian(buffer.AsSpan(4 + nameLength), input.Length);
            await destination.WriteAsync(buffer.AsMemory(0, 4 + nameLength + 8), cancellationToken);

            for (var remaining = input.Length; remaining > 0;)
            {
                var count = (int)Math.Min(remaining, buffer.Length);
                input.ReadBytes(buffer, 0, count);
                await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
                remaining -= count;
            }
        }

        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>Reads a snapshot into a new in-memory directory holding an index that opens.</summary>
    /// <exception cref="InvalidDataException">The stream is not a snapshot this version can load.</exception>
    public static async Task<RAMDirectory> ReadAsync(Stream source, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        await ReadExactlyAsync(source, buffer.AsMemory(0, 20), cancellationToken);
        if (!buffer.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new InvalidDataException("The stream is not a search index snapshot.");
        }

        var format = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(8));
        var analyzer = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(12));
        if (format != FormatVersion || analyzer != ArabicSearchAnalyzer.Version)
        {
            throw new InvalidDataException(
                $"The snapshot has format {format} and analyzer {analyzer}; this version reads format {FormatVersion} and analyzer {ArabicSearchAnalyzer.Version}. Rebuild the index from storage.");
        }

        var fileCount = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(16));
        if (fileCount is < 1 or > MaxFiles)
        {
            throw new InvalidDataException($"The snapshot claims {fileCount} files.");
        }

        var directory = new RAMDirectory();
        try
        {
            for (var i = 0; i < fileCount; i++)
            {
                await ReadExactlyAsync(source, buffer.AsMemory(0, 4), cancellationToken);
                var nameLength = BinaryPrimitives.ReadInt32LittleEndian(buffer);
                if (nameLength is < 1 or > MaxNameBytes)
                {
                    throw new InvalidDataException($"The snapshot has a file name of {nameLength} bytes.");
                }

                await ReadExactlyAsync(source, buffer.AsMemory(0, nameLength + 8), cancellationToken);
                var name = Encoding.UTF8.GetString(buffer, 0, nameLength);
                var length = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(nameLength));
                if (length < 0)
                {
                    throw new InvalidDataException($"The snapshot file {name} has a negative length.");
                }

                using var output = directory.CreateOutput(name, IOContext.DEFAULT);
                for (var remaining = length; remaining > 0;)
                {
                    var count = (int)Math.Min(remaining, buffer.Length);
                    await ReadExactlyAsync(source, buffer.AsMemory(0, count), cancellationToken);
                    output.WriteBytes(buffer, 0, count);
                    remaining -= count;
                }
            }

            // Opening a reader checks the commit and every segment's header and footer.
            using (DirectoryReader.Open(directory))
            {
            }

            return directory;
        }
        catch (IOException exception)
        {
            directory.Dispose();
            throw new InvalidDataException("The snapshot is truncated or its index is corrupt.", exception);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private static async Task ReadExactlyAsync(Stream source, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await source.ReadExactlyAsync(buffer, cancellationToken);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The snapshot ends early.", exception);
        }
    }
}
