using DocumentApi.Core.Documents;

namespace DocumentApi.Storage;

/// <summary>
/// Told about the documents this process has just committed, so that its own search index is current at once and need
/// not read them back from the tables when their change-log entry comes round. Other processes still learn of the
/// change from the change log.
/// </summary>
internal interface ICommitObserver
{
    /// <summary>Called before a commit to <paramref name="partition"/>; the token is handed back to <see cref="CommittedAsync"/>.</summary>
    long BeforeCommit(string partition);

    /// <summary>
    /// Called once the commit succeeded: <paramref name="stored"/> is what the partition now holds, <paramref name="removed"/>
    /// the ids it no longer holds, and <paramref name="changeLogKeys"/> the rows of the change-log entry about to be appended.
    /// </summary>
    Task CommittedAsync(
        string partition,
        long token,
        IReadOnlyList<string> changeLogKeys,
        IReadOnlyList<Document> stored,
        IReadOnlyCollection<string> removed,
        CancellationToken cancellationToken);
}
