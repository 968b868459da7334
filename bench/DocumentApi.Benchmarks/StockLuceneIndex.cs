using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace DocumentApi.Benchmarks;

/// <summary>
/// What a user would build instead of our index: stock Lucene.NET with the stock <see cref="ArabicAnalyzer"/>, BM25,
/// a stored title and content field in a <see cref="RAMDirectory"/>, queried with <see cref="MultiFieldQueryParser"/>
/// (title^2 + content, all words required, like the product's first pass).
/// </summary>
public sealed class StockLuceneIndex : IDisposable
{
    private const LuceneVersion MatchVersion = LuceneVersion.LUCENE_48;
    private static readonly string[] Fields = ["title", "content"];
    private static readonly Dictionary<string, float> Boosts = new(StringComparer.Ordinal) { ["title"] = 2f, ["content"] = 1f };

    private readonly ArabicAnalyzer _analyzer = new(MatchVersion);
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public StockLuceneIndex()
    {
        _writer = new IndexWriter(_directory, new IndexWriterConfig(MatchVersion, _analyzer)
        {
            OpenMode = OpenMode.CREATE,
            Similarity = new BM25Similarity(),
        });
    }

    public long SizeInBytes => _directory.GetSizeInBytes();

    public void Add(string id, string title, string content) => _writer.AddDocument(new LuceneDocument
    {
        new StringField("id", id, Field.Store.YES),
        new TextField("title", title, Field.Store.YES),
        new TextField("content", content, Field.Store.YES),
    });

    /// <summary>Opens a near-real-time reader over everything added, as the product's Refresh does.</summary>
    public void Refresh()
    {
        var reader = DirectoryReader.Open(_writer, applyAllDeletes: true);
        _reader?.Dispose();
        _reader = reader;
        _searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>A parser per call: <see cref="QueryParser"/> is not thread-safe, and building one is cheap.</summary>
    public Query Parse(string text)
    {
        var parser = new MultiFieldQueryParser(MatchVersion, Fields, _analyzer, Boosts)
        {
            DefaultOperator = Operator.AND,
        };
        try
        {
            return parser.Parse(EscapeButQuotes(text));
        }
        catch (ParseException)
        {
            return parser.Parse(QueryParserBase.Escape(text));
        }
    }

    /// <summary>Top ids; with <paramref name="loadDocuments"/> every hit's stored fields are read, as a results page needs.</summary>
    public IReadOnlyList<string> Search(string text, int top, bool loadDocuments)
    {
        var searcher = _searcher ?? throw new InvalidOperationException("Refresh first.");
        var hits = searcher.Search(Parse(text), top);
        var ids = new List<string>(hits.ScoreDocs.Length);
        foreach (var hit in hits.ScoreDocs)
        {
            if (loadDocuments)
            {
                var document = searcher.Doc(hit.Doc);
                ids.Add(document.Get("id", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                ids.Add(hit.Doc.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ids;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private static string EscapeButQuotes(string text)
    {
        // Users type words and "phrases"; every other query-syntax character is literal text.
        var escaped = QueryParserBase.Escape(text);
        return escaped.Replace("\\\"", "\"", StringComparison.Ordinal);
    }
}
