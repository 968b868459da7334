using System.Globalization;
using DocumentApi.Core.Ports;
using DocumentApi.Search.Analysis;
using DocumentApi.Search.Querying;
using DocumentApi.Search.Snippets;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace DocumentApi.Search;

/// <summary>
/// The in-memory Arabic-aware search index: Lucene.NET over a <see cref="RAMDirectory"/>, analysed with
/// <see cref="ArabicSearchAnalyzer"/>, ranked with BM25 over the title (boosted) and the body, with the query language
/// of <see cref="SearchQuery"/>, exact totals, and HTML-safe snippets. All members are thread-safe.
/// </summary>
/// <remarks>
/// Writes go to one <see cref="IndexWriter"/> (thread-safe); searches use near-real-time searchers from a
/// <see cref="SearcherManager"/> over that writer, so <see cref="Refresh"/> makes changes visible without a commit.
/// The writer lives as long as the index: loading a snapshot replaces its content rather than the writer, so nothing a
/// concurrent search holds is ever disposed under it.
/// </remarks>
public sealed class LuceneSearchIndex : ISearchIndex
{
    /// <summary>Results past this many are not served; the total still counts every match.</summary>
    public const int MaxSkip = 1000;

    /// <summary>Largest page served; larger requests are cut to this.</summary>
    public const int MaxTop = 1000;

    private const LuceneVersion MatchVersion = LuceneVersion.LUCENE_48;

    private readonly ArabicSearchAnalyzer _analyzer = new();
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SnapshotDeletionPolicy _snapshots;
    private readonly SearcherManager _searchers;

    // Refreshes wait for a snapshot load to finish, so no search ever sees the index emptied half way through a load.
    private readonly System.Threading.Lock _refreshGate = new();
    private int _disposed;

    private LuceneSearchIndex()
    {
        var config = new IndexWriterConfig(MatchVersion, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
            IndexDeletionPolicy = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()),
        };
        _writer = new IndexWriter(_directory, config);

        // The writer works on its own copy of the configuration: the policy to snapshot with is the one it holds.
        _snapshots = (SnapshotDeletionPolicy)_writer.Config.IndexDeletionPolicy;

        // A first commit, so a snapshot of an index that has never been written to still has a commit to copy.
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    /// <summary>Creates an empty index.</summary>
    public static LuceneSearchIndex Create() => new();

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// Bytes of the index files held in memory (postings, norms, compressed stored fields). Excludes the writer's
    /// buffer of changes not yet refreshed and the .NET objects around the files.
    /// </summary>
    public long SizeInBytes => _directory.GetSizeInBytes();

    public void Upsert(IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrEmpty(document.Id);
        _writer.UpdateDocument(new Term(IndexFields.Id, document.Id), ToLuceneDocument(document));
    }

    public void Delete(string documentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentId);
        _writer.DeleteDocuments(new Term(IndexFields.Id, documentId));
    }

    public void Clear() => _writer.DeleteAll();

    public void Refresh()
    {
        lock (_refreshGate)
        {
            _searchers.MaybeRefreshBlocking();
        }
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();

        // Lucene searches memory synchronously; there is nothing to await.
        return Task.FromResult(Search(query, cancellationToken));
    }

    public async Task WriteSnapshotAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _writer.Commit();

        // The snapshot keeps this commit's files from being deleted by later merges while they are copied out.
        var commit = _snapshots.Snapshot();
        try
        {
            await IndexSnapshot.WriteAsync(_directory, commit, destination, cancellationToken);
        }
        finally
        {
            _snapshots.Release(commit);
            _writer.DeleteUnusedFiles();
        }
    }

    public async Task LoadSnapshotAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);

        // Read and check the whole snapshot first: a bad stream leaves the current content untouched.
        using var loaded = await IndexSnapshot.ReadAsync(source, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_refreshGate)
        {
            _writer.DeleteAll();
            _writer.AddIndexes(loaded);
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private SearchResults Search(SearchQuery query, CancellationToken cancellationToken)
    {
        var text = query.Text ?? "";
        var analyzed = AnalyzedQuery.Analyze(text, _analyzer, IndexFields.Body);
        if (analyzed.IsEmpty)
        {
            // Only stop words, punctuation or exclusions: nothing to rank by.
            return new SearchResults(text, 0, MatchMode.All, []);
        }

        var skip = Math.Max(0, query.Skip);
        var top = skip > MaxSkip ? 0 : Math.Clamp(query.Top, 0, MaxTop);
        var filter = LuceneQueryFactory.BuildFilter(query);
        var searcher = _searchers.Acquire();
        try
        {
            var mode = MatchMode.All;
            var hits = searcher.Search(LuceneQueryFactory.Build(analyzed, mode), filter, Math.Max(1, skip + top));
            if (hits.TotalHits == 0 && analyzed.Required.Count > 1)
            {
                cancellationToken.ThrowIfCancellationRequested();
                mode = MatchMode.Any;
                hits = searcher.Search(LuceneQueryFactory.Build(analyzed, mode), filter, Math.Max(1, skip + top));
            }

            var items = new List<SearchHit>();
            foreach (var scoreDoc in hits.ScoreDocs.Skip(skip).Take(top))
            {
                cancellationToken.ThrowIfCancellationRequested();
                items.Add(ToHit(searcher, scoreDoc, analyzed));
            }

            return new SearchResults(text, hits.TotalHits, mode, items);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static SearchHit ToHit(IndexSearcher searcher, ScoreDoc scoreDoc, AnalyzedQuery query)
    {
        var document = searcher.Doc(scoreDoc.Doc);
        var ticks = document.GetField(IndexFields.PublishedAt)?.GetInt64Value();
        var occurrences = PostingsOffsets.Read(searcher.IndexReader, scoreDoc.Doc, IndexFields.Body, query.Terms);
        return new SearchHit(
            document.Get(IndexFields.Id, CultureInfo.InvariantCulture),
            document.Get(IndexFields.Title, CultureInfo.InvariantCulture),
            ticks is { } value ? new DateTimeOffset(value, TimeSpan.Zero) : null,
            document.Get(IndexFields.Source, CultureInfo.InvariantCulture),
            scoreDoc.Score,
            SnippetBuilder.Build(document.Get(IndexFields.Body, CultureInfo.InvariantCulture), query.Required, occurrences));
    }

    private static LuceneDocument ToLuceneDocument(IndexedDocument document)
    {
        var result = new LuceneDocument
        {
            new StringField(IndexFields.Id, document.Id, Field.Store.YES),
            new Field(IndexFields.Body, document.Text ?? "", IndexFields.BodyType),
        };
        if (!string.IsNullOrEmpty(document.Title))
        {
            result.Add(new TextField(IndexFields.Title, document.Title, Field.Store.YES));
        }

        if (!string.IsNullOrEmpty(document.Source))
        {
            result.Add(new StringField(IndexFields.Source, document.Source, Field.Store.YES));
        }

        if (document.PublishedAt is { } publishedAt)
        {
            result.Add(new Int64Field(IndexFields.PublishedAt, publishedAt.UtcTicks, Field.Store.YES));
        }

        return result;
    }

    /// <summary>Every searcher ranks with BM25, as the writer computed the norms for.</summary>
    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) =>
            new(reader) { Similarity = new BM25Similarity() };
    }
}
