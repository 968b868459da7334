using System.Diagnostics;

namespace DocumentApi.Benchmarks;

/// <summary>A figure measured several times: min, median and max of the runs, and the runs themselves.</summary>
public sealed record Summary(double Min, double Median, double Max, IReadOnlyList<double> Runs)
{
    public static Summary Of(IEnumerable<double> runs)
    {
        var values = runs.ToArray();
        if (values.Length == 0)
        {
            return new Summary(double.NaN, double.NaN, double.NaN, []);
        }

        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new Summary(sorted[0], median, sorted[^1], values);
    }
}

public static class Stats
{
    /// <summary>Nearest-rank percentile (p in 0..100) of unsorted values.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Milliseconds(long startTimestamp, long endTimestamp) =>
        (endTimestamp - startTimestamp) * 1000.0 / Stopwatch.Frequency;

    public static double ElapsedMilliseconds(long startTimestamp) => Milliseconds(startTimestamp, Stopwatch.GetTimestamp());

    /// <summary>Managed heap in bytes after a blocking, compacting full collection.</summary>
    public static long HeapAfterFullGc()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    public static long WorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.WorkingSet64;
    }
}
