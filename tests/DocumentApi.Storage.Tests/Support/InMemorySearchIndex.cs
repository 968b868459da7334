using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using DocumentApi.Core.Ports;
using DocumentApi.Search;

namespace DocumentApi.Storage.Tests.Support;

/// <summary>
/// A tiny real <see cref="ISearchIndex"/> for the synchronizer's tests: documents in a dictionary, substring match.
/// Changes become visible on <see cref="Refresh"/>, like the real index.
/// </summary>
public sealed class InMemorySearchIndex : ISearchIndex
{
    private readonly ConcurrentDictionary<string, IndexedDocument?> _pending = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, IndexedDocument> _visible = ImmutableDictionary<string, IndexedDocument>.Empty;
    private bool _clearPending;

    public int Count => _visible.Count;

    /// <summary>How many times the content came from a snapshot.</summary>
    public int SnapshotsLoaded { get; private set; }

    public IndexedDocument? Find(string id) => _visible.GetValueOrDefault(id);

    public void Upsert(IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _pending[document.Id] = document;
    }

    public void Delete(string documentId) => _pending[documentId] = null;

    public void Clear()
    {
        _pending.Clear();
        _clearPending = true;
    }

    public void Refresh()
    {
        var builder = _clearPending ? ImmutableDictionary.CreateBuilder<string, IndexedDocument>(StringComparer.Ordinal) : _visible.ToBuilder();
        _clearPending = false;
        foreach (var id in _pending.Keys.ToList())
        {
            if (_pending.TryRemove(id, out var document))
            {
                if (document is null)
                {
                    builder.Remove(id);
                }
                else
                {
                    builder[id] = document;
                }
            }
        }

        _visible = builder.ToImmutable();
    }

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var hits = _visible.Values
            .Where(d => d.Text.Contains(query.Text, StringComparison.Ordinal) || (d.Title?.Contains(query.Text, StringComparison.Ordinal) ?? false))
            .Select(d => new SearchHit(d.Id, d.Title, d.PublishedAt, d.Source, 1, []))
            .ToList();
        return Task.FromResult(new SearchResults(query.Text, hits.Count, MatchMode.All, hits.Skip(query.Skip).Take(query.Top).ToList()));
    }

    public async Task WriteSnapshotAsync(Stream destination, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(destination, _visible.Values.ToList(), cancellationToken: cancellationToken);

    public async Task LoadSnapshotAsync(Stream source, CancellationToken cancellationToken = default)
    {
        var documents = await JsonSerializer.DeserializeAsync<List<IndexedDocument>>(source, cancellationToken: cancellationToken) ?? [];
        _pending.Clear();
        _visible = documents.ToImmutableDictionary(d => d.Id, StringComparer.Ordinal);
        SnapshotsLoaded++;
    }

    public void Dispose()
    {
    }
}
