using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace DocumentApi.Benchmarks;

/// <summary>The few calls the benchmark makes on the server's HTTP API.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ApiClient(string baseUrl)
    {
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 64,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
        })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The index's document count from <c>GET health</c>; null while the server does not answer.</summary>
    public async Task<int?> IndexedCountAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("health", UriKind.Relative), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            return json.RootElement.GetProperty("index").GetProperty("documents").GetInt32();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Pages through <c>GET documents</c> and counts every listed document.</summary>
    public async Task<int> ListedCountAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        string? token = null;
        do
        {
            var url = "documents?top=100" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token));
            using var response = await _http.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            count += json.RootElement.GetProperty("items").GetArrayLength();
            token = json.RootElement.GetProperty("continuationToken") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        }
        while (token is not null);
        return count;
    }

    /// <summary>One search, body read to the end; returns the milliseconds it took and the titles of the hits.</summary>
    public async Task<(double Milliseconds, int Total, IReadOnlyList<string> Titles)> SearchAsync(
        string query, int top, CancellationToken cancellationToken)
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"search?q={Uri.EscapeDataString(query)}&top={top}");
        var start = Stopwatch.GetTimestamp();
        using var response = await _http.GetAsync(new Uri(url, UriKind.Relative), cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var elapsed = Stats.ElapsedMilliseconds(start);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (elapsed, -1, []);
        }

        using var json = JsonDocument.Parse(body);
        var titles = json.RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("title") is { ValueKind: JsonValueKind.String } t ? t.GetString() ?? "" : "")
            .ToArray();
        return (elapsed, json.RootElement.GetProperty("total").GetInt32(), titles);
    }

    /// <summary>Like <see cref="SearchAsync"/>, but a refused connection or error status counts as "no result yet".</summary>
    public async Task<bool> HasResultAsync(string query, CancellationToken cancellationToken)
    {
        try
        {
            var (_, total, _) = await SearchAsync(query, 1, cancellationToken);
            return total > 0;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();
}
