namespace DocumentApi.Core.Ports;

/// <summary>Ranked full-text search over the indexed documents.</summary>
public interface IDocumentSearch
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// A validated query. <paramref name="Text"/> is the user's query language: words (all must match, else any),
/// "quoted phrases", and -exclusions; everything else is plain text.
/// </summary>
public sealed record SearchQuery(
    string Text,
    int Top = 10,
    int Skip = 0,
    string? Source = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);

/// <summary><see cref="MatchMode.Any"/> says no document matched every word, so documents matching some are shown.</summary>
public enum MatchMode
{
    All,
    Any,
}

public sealed record SearchResults(string Query, int Total, MatchMode MatchMode, IReadOnlyList<SearchHit> Items);

/// <summary>A hit; each snippet is HTML-escaped text with every match wrapped in <c>&lt;mark&gt;</c>.</summary>
public sealed record SearchHit(
    string Id,
    string? Title,
    DateTimeOffset? PublishedAt,
    string? Source,
    double Score,
    IReadOnlyList<string> Snippets);

/// <summary>What an instance's search index can say about itself, for health checks.</summary>
public interface ISearchIndexStatus
{
    /// <summary>Documents searchable in this instance now.</summary>
    int DocumentCount { get; }

    /// <summary>When the index last caught up with the change log; null before the first catch-up.</summary>
    DateTimeOffset? LastSyncedAt { get; }
}
