using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace DocumentApi.Benchmarks;

/// <summary>
/// Freshness probes: single uploads of small documents each carrying a unique token, timed from the upload's
/// acknowledgement to the first search response that returns it. One poller checks all pending probes at once
/// (their tokens OR-ed in groups), so probing adds a few requests per 100 ms rather than one per probe.
/// </summary>
public sealed class Freshness
{
    private const int TokensPerQuery = 25;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly BlobContainerClient _container;
    private readonly ApiClient _api;
    private readonly string _label;
    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<double> _latencies = [];
    private readonly ConcurrentDictionary<string, ProbeTiming> _timings = new(StringComparer.Ordinal);
    private long _started;
    private readonly ConcurrentBag<string> _missing = [];
    private int _uploaded;

    public Freshness(BlobContainerClient container, ApiClient api, string label)
    {
        _container = container;
        _api = api;
        _label = label;
    }

    public int Uploaded => _uploaded;

    public IReadOnlyCollection<double> Latencies => _latencies;

    /// <summary>Each probe: when it was acknowledged (seconds after the run began) and its latency, in upload order.</summary>
    public IReadOnlyList<ProbeTiming> Timings => [.. _timings.Values.OrderBy(t => t.UploadedAtSeconds)];

    /// <summary>Probes not found before the timeout; they count in <see cref="Latencies"/> with the time waited.</summary>
    public int Missing => _missing.Count;

    /// <summary>Uploads <paramref name="count"/> probes one after another, <paramref name="spacing"/> apart, and polls until all are found or the timeout passes.</summary>
    public async Task RunAsync(int count, TimeSpan spacing, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _started = Stopwatch.GetTimestamp();
        var poller = PollAsync(stop.Token);
        for (var i = 0; i < count; i++)
        {
            var next = Stopwatch.GetTimestamp() + (long)(spacing.TotalSeconds * Stopwatch.Frequency);
            await UploadProbeAsync(i, cancellationToken);
            var wait = Stats.Milliseconds(Stopwatch.GetTimestamp(), next);
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellationToken);
            }
        }

        var deadline = Stopwatch.StartNew();
        while (!_pending.IsEmpty && deadline.Elapsed < timeout)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }

        await stop.CancelAsync();
        try
        {
            await poller;
        }
        catch (OperationCanceledException)
        {
            // The poller stops here.
        }

        // A probe never found counts with the time waited so far: a lower bound, so percentiles are never flattered.
        var end = Stopwatch.GetTimestamp();
        foreach (var (token, acknowledged) in _pending)
        {
            Found(token, acknowledged, end);
            _missing.Add(token);
        }
    }

    private void Found(string token, long acknowledged, long found)
    {
        var latency = Stats.Milliseconds(acknowledged, found);
        _latencies.Add(latency);
        _timings[token] = new ProbeTiming(Math.Round(Stats.Milliseconds(_started, acknowledged) / 1000, 2), Math.Round(latency));
    }

    private async Task UploadProbeAsync(int index, CancellationToken cancellationToken)
    {
        var token = string.Create(CultureInfo.InvariantCulture, $"{_label}{index:D4}x{Random.Shared.Next():x8}");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyyMMdd} {DateTimeOffset.UtcNow.ToUnixTimeSeconds()} {token}\nprobe {token}\n\nخبر قصير للقياس {token} فقط.\n");
        await _container.GetBlobClient($"probes/{token}.txt").UploadAsync(
            BinaryData.FromBytes(Encoding.UTF8.GetBytes(text)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } },
            cancellationToken);
        _pending[token] = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _uploaded);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var group in _pending.Keys.Order(StringComparer.Ordinal).Chunk(TokensPerQuery))
            {
                try
                {
                    var (_, _, titles) = await _api.SearchAsync(string.Join(' ', group), 50, cancellationToken);
                    var now = Stopwatch.GetTimestamp();
                    foreach (var token in group)
                    {
                        if (titles.Any(t => t.Contains(token, StringComparison.OrdinalIgnoreCase))
                            && _pending.TryRemove(token, out var acknowledged))
                        {
                            Found(token, acknowledged, now);
                        }
                    }
                }
                catch (HttpRequestException)
                {
                    // A refused poll is retried on the next tick.
                }
            }
        }
    }
}

/// <summary>One probe: acknowledged this many seconds after its run began, searchable this many milliseconds later.</summary>
public sealed record ProbeTiming(double UploadedAtSeconds, double LatencyMs);
