using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;
using DocumentApi.Core.Ports;
using DocumentApi.Search;

namespace DocumentApi.Benchmarks;

/// <summary>Parts 1, 2, 3 (in process) and 7: parser throughput, index build, search latency, variant consistency.</summary>
public static class InProcessBenchmarks
{
    private const double Mega = 1_000_000.0;

    /// <summary>1. The product's parser over the corpus as seed text and as JSON, next to merely decoding the bytes.</summary>
    public static void Parse(BenchmarkReport report, IReadOnlyList<Article> articles, int repetitions)
    {
        Console.WriteLine("1. Parse");
        var parser = new DocumentParser(new ParserOptions());
        var formats = new (string Name, string Extension, string ContentType, byte[][] Blobs)[]
        {
            ("seed text", ".txt", "text/plain; charset=utf-8", [.. articles.Select(a => a.ToSeedText())]),
            ("JSON", ".json", "application/json", [.. articles.Select(a => a.ToJson())]),
        };

        foreach (var (name, extension, contentType, blobs) in formats)
        {
            var names = articles.Select(a => a.BlobStem + extension).ToArray();
            var bytes = blobs.Sum(b => (long)b.Length);
            var parseRates = new List<double>();
            var docRates = new List<double>();
            var decodeRates = new List<double>();
            var hashRates = new List<double>();
            var failed = 0;
            var allocated = 0L;

            // One untimed pass so the JIT has compiled the whole parser before the clock starts.
            for (var i = 0; i < Math.Min(200, blobs.Length); i++)
            {
                parser.Parse(names[i], blobs[i], contentType);
            }

            for (var run = 0; run < repetitions; run++)
            {
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                var documents = 0;
                failed = 0;
                for (var i = 0; i < blobs.Length; i++)
                {
                    foreach (var document in parser.Parse(names[i], blobs[i], contentType))
                    {
                        documents++;
                        if (document.Status == DocumentStatus.Failed)
                        {
                            failed++;
                        }
                    }
                }

                var seconds = Stats.ElapsedMilliseconds(start) / 1000;
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                parseRates.Add(bytes / Mega / seconds);
                docRates.Add(documents / seconds);

                start = Stopwatch.GetTimestamp();
                var chars = 0L;
                foreach (var blob in blobs)
                {
                    chars += Encoding.UTF8.GetString(blob).Length;
                }

                decodeRates.Add(bytes / Mega / (Stats.ElapsedMilliseconds(start) / 1000));
                GC.KeepAlive(chars);

                // The parser hashes every blob (the document's ContentHash): a cost no parser of ours can avoid.
                start = Stopwatch.GetTimestamp();
                foreach (var blob in blobs)
                {
                    SHA256.HashData(blob);
                }

                hashRates.Add(bytes / Mega / (Stats.ElapsedMilliseconds(start) / 1000));
            }

            var size = string.Create(CultureInfo.InvariantCulture, $"{bytes / Mega:F1} MB");
            report.Add("parse", $"parser, {name}", "MB/s", parseRates, size);
            report.Add("parse", $"parser, {name}", "docs/s", docRates);
            report.Add("parse", $"UTF-8 decode only, {name}", "MB/s", decodeRates);
            report.Add("parse", $"SHA-256 only, {name}", "MB/s", hashRates);
            report.Details[$"parse.{name}"] = new
            {
                blobs = blobs.Length,
                bytes,
                failedDocuments = failed,
                allocatedBytesPerBlob = allocated / Math.Max(1, blobs.Length),
            };
        }
    }

    /// <summary>What one child process measured building one index over every article.</summary>
    public sealed record IndexBuildMeasurement(
        string Kind, int Documents, double DocumentsPerSecond, double HeapMB, double WorkingSetGrowthMB, double WorkingSetMB, double FilesMB);

    public static IndexedDocument[] IndexedDocuments(IReadOnlyList<Article> articles) =>
        [.. articles.Select(a => new IndexedDocument(
            DocumentId.For(a.BlobStem + ".json"), a.Title, a.BodyText, a.PublishedAt, a.Source))];

    /// <summary>
    /// 2. Index build, measured in a fresh child process per build so heap and working set hold that index alone
    /// (Lucene keeps per-thread state alive after an index is disposed, which spoils in-process before/after deltas).
    /// </summary>
    public static async Task MeasureIndexBuildsAsync(BenchmarkReport report, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        Console.WriteLine("2. Index build (one child process per build)");
        var runs = new List<IndexBuildMeasurement>();
        for (var run = 0; run < options.Repetitions; run++)
        {
            foreach (var kind in new[] { "product", "stock" })
            {
                runs.Add(await ChildProcess.RunIndexBuildAsync(options, kind, cancellationToken));
            }
        }

        foreach (var (kind, label) in new[] { ("product", "product"), ("stock", "stock Lucene") })
        {
            var mine = runs.Where(r => r.Kind == kind).ToArray();
            report.Add("index", $"{label}, build rate", "docs/s", mine.Select(r => r.DocumentsPerSecond));
            report.Add("index", $"{label}, managed heap after full GC", "MB", mine.Select(r => r.HeapMB));
            report.Add("index", $"{label}, working set growth", "MB", mine.Select(r => r.WorkingSetGrowthMB));
            report.Add("index", $"{label}, index files", "MB", mine.Select(r => r.FilesMB));
        }

        report.Details["index.builds"] = runs;
    }

    /// <summary>The child's side: build one index over the corpus and measure it.</summary>
    public static IndexBuildMeasurement BuildOnce(string kind, IReadOnlyList<Article> articles)
    {
        var documents = IndexedDocuments(articles);

        // Warm the JIT on a throwaway index of a few hundred documents, so the rate is the steady state's.
        if (kind == "product")
        {
            using var warm = LuceneSearchIndex.Create();
            foreach (var document in documents.Take(300))
            {
                warm.Upsert(document);
            }

            warm.Refresh();
        }
        else
        {
            using var warm = new StockLuceneIndex();
            foreach (var document in documents.Take(300))
            {
                warm.Add(document.Id, document.Title ?? "", document.Text);
            }

            warm.Refresh();
        }

        var heapBefore = Stats.HeapAfterFullGc();
        var workingSetBefore = Stats.WorkingSet();
        var start = Stopwatch.GetTimestamp();
        IDisposable index;
        Func<long> files;
        if (kind == "product")
        {
            var product = LuceneSearchIndex.Create();
            foreach (var document in documents)
            {
                product.Upsert(document);
            }

            product.Refresh();
            (index, files) = (product, () => product.SizeInBytes);
        }
        else
        {
            var stock = new StockLuceneIndex();
            foreach (var document in documents)
            {
                stock.Add(document.Id, document.Title ?? "", document.Text);
            }

            stock.Refresh();
            (index, files) = (stock, () => stock.SizeInBytes);
        }

        var rate = documents.Length / (Stats.ElapsedMilliseconds(start) / 1000);
        var heap = Stats.HeapAfterFullGc() - heapBefore;
        GC.KeepAlive(documents);
        var workingSet = Stats.WorkingSet();
        var measurement = new IndexBuildMeasurement(
            kind, documents.Length, rate, heap / Mega, (workingSet - workingSetBefore) / Mega, workingSet / Mega, files() / Mega);
        GC.KeepAlive(index);
        index.Dispose();
        return measurement;
    }

    /// <summary>Builds one index of each kind in this process, for the search and quality phases.</summary>
    public static (LuceneSearchIndex Product, StockLuceneIndex Stock) BuildIndexes(IReadOnlyList<Article> articles)
    {
        var documents = IndexedDocuments(articles);
        var product = LuceneSearchIndex.Create();
        var stock = new StockLuceneIndex();
        foreach (var document in documents)
        {
            product.Upsert(document);
            stock.Add(document.Id, document.Title ?? "", document.Text);
        }

        product.Refresh();
        stock.Refresh();
        return (product, stock);
    }

    /// <summary>3 (in process). Latency of every query, product vs stock Lucene, interleaved in the same rounds.</summary>
    public static void Search(
        BenchmarkReport report, LuceneSearchIndex product, StockLuceneIndex stock, IReadOnlyList<BenchQuery> queries, int repetitions)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"3. Search in process ({queries.Count} queries)"));

        // Warm-up: every query twice on each side, so the rounds time steady state rather than the JIT's tiers.
        foreach (var query in queries.Concat(queries))
        {
            RunProduct(product, query.Text);
            stock.Search(query.Text, 10, loadDocuments: true);
            stock.Search(query.Text, 10, loadDocuments: false);
        }

        var percentiles = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Record(string name, List<double> times)
        {
            foreach (var p in new[] { 50, 95, 99 })
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"{name}|p{p}");
                if (!percentiles.TryGetValue(key, out var list))
                {
                    percentiles[key] = list = [];
                }

                list.Add(Stats.Percentile(times, p));
            }
        }

        var byCategory = new Dictionary<string, (List<double> Product, List<double> Stock)>(StringComparer.Ordinal);
        var allocations = 0L;
        for (var round = 0; round < repetitions; round++)
        {
            var productTimes = new List<double>(queries.Count);
            var stockTimes = new List<double>(queries.Count);
            var stockSearchOnly = new List<double>(queries.Count);
            foreach (var query in queries)
            {
                // Alternate who goes first, so neither side always finds the caches warmed by the other.
                var productFirst = (productTimes.Count + round) % 2 == 0;
                double p = 0, s = 0;
                if (productFirst)
                {
                    p = TimeProduct(product, query.Text, ref allocations);
                }

                var start = Stopwatch.GetTimestamp();
                stock.Search(query.Text, 10, loadDocuments: true);
                s = Stats.ElapsedMilliseconds(start);
                if (!productFirst)
                {
                    p = TimeProduct(product, query.Text, ref allocations);
                }

                start = Stopwatch.GetTimestamp();
                stock.Search(query.Text, 10, loadDocuments: false);
                stockSearchOnly.Add(Stats.ElapsedMilliseconds(start));

                productTimes.Add(p);
                stockTimes.Add(s);
                if (round == repetitions - 1)
                {
                    if (!byCategory.TryGetValue(query.Category, out var lists))
                    {
                        byCategory[query.Category] = lists = ([], []);
                    }

                    lists.Product.Add(p);
                    lists.Stock.Add(s);
                }
            }

            foreach (var p in new[] { 50, 95, 99 })
            {
                // The same round ran both sides query by query, so the ratio cancels most of the machine's noise.
                var key = string.Create(CultureInfo.InvariantCulture, $"ratio product / stock Lucene (search + stored fields)|p{p}");
                if (!percentiles.TryGetValue(key, out var ratios))
                {
                    percentiles[key] = ratios = [];
                }

                ratios.Add(Stats.Percentile(productTimes, p) / Stats.Percentile(stockTimes, p));
            }

            Record("product (search + snippets)", productTimes);
            Record("stock Lucene (search + stored fields)", stockTimes);
            Record("stock Lucene (search only)", stockSearchOnly);
        }

        foreach (var (key, values) in percentiles)
        {
            var parts = key.Split('|');
            report.Add("search in process", $"{parts[0]} {parts[1]}", parts[0].StartsWith("ratio", StringComparison.Ordinal) ? "×" : "ms", values);
        }

        report.Details["search.inProcess.byCategoryLastRound"] = byCategory.ToDictionary(
            kv => kv.Key,
            kv => new
            {
                queries = kv.Value.Product.Count,
                productP50 = Stats.Percentile(kv.Value.Product, 50),
                productP95 = Stats.Percentile(kv.Value.Product, 95),
                stockP50 = Stats.Percentile(kv.Value.Stock, 50),
                stockP95 = Stats.Percentile(kv.Value.Stock, 95),
            },
            StringComparer.Ordinal);
        report.Details["search.inProcess.productAllocatedBytesPerQuery"] = allocations / Math.Max(1, queries.Count * repetitions);
    }

    /// <summary>7. For each orthographic variant, whether its top 10 equals its canonical form's, product vs stock.</summary>
    public static void Quality(BenchmarkReport report, LuceneSearchIndex product, StockLuceneIndex stock, IReadOnlyList<BenchQuery> queries)
    {
        Console.WriteLine("7. Search quality (variant consistency)");
        var variants = queries.Where(q => q.Canonical is not null).ToArray();
        var rows = new List<VariantRow>();
        int productSame = 0, stockSame = 0;
        foreach (var query in variants)
        {
            var productEqual = RunProduct(product, query.Text).SequenceEqual(RunProduct(product, query.Canonical!), StringComparer.Ordinal);
            var stockEqual = stock.Search(query.Text, 10, loadDocuments: true)
                .SequenceEqual(stock.Search(query.Canonical!, 10, loadDocuments: true), StringComparer.Ordinal);
            productSame += productEqual ? 1 : 0;
            stockSame += stockEqual ? 1 : 0;
            rows.Add(new VariantRow(query.Kind ?? "", query.Text, query.Canonical!, productEqual, stockEqual));
        }

        report.Add("quality", "product, variant top 10 = canonical top 10", "%", [100.0 * productSame / Math.Max(1, variants.Length)],
            string.Create(CultureInfo.InvariantCulture, $"{variants.Length} variants, deterministic"));
        report.Add("quality", "stock Lucene ArabicAnalyzer, same", "%", [100.0 * stockSame / Math.Max(1, variants.Length)]);
        report.Details["quality.byKind"] = rows.GroupBy(r => r.Kind).ToDictionary(
            g => g.Key,
            g => new { queries = g.Count(), product = g.Count(r => r.Product), stock = g.Count(r => r.Stock) },
            StringComparer.Ordinal);
        report.Details["quality.variants"] = rows;
    }

    private sealed record VariantRow(string Kind, string Variant, string Canonical, bool Product, bool Stock);

    private static double TimeProduct(LuceneSearchIndex index, string text, ref long allocations)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        RunProduct(index, text);
        var elapsed = Stats.ElapsedMilliseconds(start);
        allocations += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return elapsed;
    }

    private static string[] RunProduct(LuceneSearchIndex index, string text) =>
        index.SearchAsync(new SearchQuery(text, Top: 10)).GetAwaiter().GetResult().Items.Select(i => i.Id).ToArray();
}
