using System.Globalization;

namespace DocumentApi.Benchmarks;

/// <summary>The issue's targets, checked against the medians of this run.</summary>
public static class Targets
{
    public static void Evaluate(BenchmarkReport report)
    {
        double? Median(string section, string name, string? unit = null) => report.Find(section, name, unit)?.Median;
        string F(double value) => BenchmarkReport.Format(value);

        void Ratio(string target, double? measured, double? reference, double limit, bool atMost, string unit)
        {
            if (measured is not { } m || reference is not { } r || r == 0)
            {
                report.Targets.Add(new TargetCheck(target, "–", null));
                return;
            }

            var ratio = m / r;
            report.Targets.Add(new TargetCheck(
                target,
                string.Create(CultureInfo.InvariantCulture, $"{F(m)} vs {F(r)} {unit} = {ratio:F2}×"),
                atMost ? ratio <= limit : ratio >= limit));
        }

        void Absolute(string target, double? measured, double limit, bool atMost, string unit)
        {
            report.Targets.Add(measured is { } m && !double.IsNaN(m)
                ? new TargetCheck(target, $"{F(m)} {unit}", atMost ? m <= limit : m >= limit)
                : new TargetCheck(target, "–", null));
        }

        var ratio = Median("search in process", "ratio product / stock Lucene (search + stored fields) p95");
        report.Targets.Add(ratio is { } r95
            ? new TargetCheck("in-process search p95 ≤ 2× stock Lucene's",
                string.Create(CultureInfo.InvariantCulture,
                    $"{F(Median("search in process", "product (search + snippets) p95") ?? double.NaN)} vs {F(Median("search in process", "stock Lucene (search + stored fields) p95") ?? double.NaN)} ms; median of per-round ratios {r95:F2}×"),
                r95 <= 2)
            : new TargetCheck("in-process search p95 ≤ 2× stock Lucene's", "–", null));
        Absolute("HTTP search p95 ≤ 15 ms, one client", Median("search over HTTP", "one client p95"), 15, atMost: true, "ms");
        Absolute("cold start to first result ≤ 1.5 s", Median("cold start", "process start to first search result"), 1500, atMost: true, "ms");
        Ratio("ingestion ≥ 50 % of the storage floor",
            Median("ingestion", "product: uploaded until all listed and searchable"),
            Median("storage floor", "upload + read back + one entity per document, whole corpus into one store"), 0.5, atMost: false, "docs/s");
        Absolute("freshness p95 ≤ 2 s idle", Median("freshness", "idle p95"), 2000, atMost: true, "ms");
        Absolute("freshness p95 ≤ 5 s under bulk load", Median("freshness", "under bulk ingestion p95"), 5000, atMost: true, "ms");

        var product = Median("quality", "product, variant top 10 = canonical top 10");
        var stock = Median("quality", "stock Lucene ArabicAnalyzer, same");
        report.Targets.Add(product is { } p && stock is { } s
            ? new TargetCheck("variant consistency ≥ 95 % and above stock Lucene's",
                string.Create(CultureInfo.InvariantCulture, $"{p:F1} % vs {s:F1} %"), p >= 95 && p > s)
            : new TargetCheck("variant consistency ≥ 95 % and above stock Lucene's", "–", null));

        Ratio("index memory ≤ 2× stock Lucene's (managed heap after full GC)",
            Median("index", "product, managed heap after full GC"),
            Median("index", "stock Lucene, managed heap after full GC"), 2, atMost: true, "MB");

        var seed = Median("parse", "parser, seed text", "MB/s");
        var json = Median("parse", "parser, JSON", "MB/s");
        Absolute("parse ≥ 30 MB/s (slower of the two formats)",
            seed is { } a && json is { } b ? Math.Min(a, b) : seed ?? json, 30, atMost: false, "MB/s");
    }
}
