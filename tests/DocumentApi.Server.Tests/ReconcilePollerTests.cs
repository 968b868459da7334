using DocumentApi.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocumentApi.Server.Tests;

/// <summary>Which folders the local watcher lists every second between whole-container listings.</summary>
public sealed class ReconcilePollerTests
{
    [Fact]
    public void TheFoldersOfWhatWasJustIngestedBecomeHotButNotTheRootAndNotMoreThanFour()
    {
        var poller = Poller();

        poller.NoteChanges(Report(("2015/07/21/a.json", IngestOutcome.Created), ("root.txt", IngestOutcome.Created), ("gone/a.json", IngestOutcome.Deleted)));
        Assert.Equal(["2015/07/21/", "gone/"], poller.HotFolders.Order(StringComparer.Ordinal));

        poller.NoteChanges(Report(
            ("a/1.json", IngestOutcome.Created), ("b/1.json", IngestOutcome.Created), ("c/1.json", IngestOutcome.Created),
            ("d/1.json", IngestOutcome.Updated), ("e/1.json", IngestOutcome.Created)));
        Assert.Equal(ReconcilePoller.MaxHotFolders, poller.HotFolders.Count);
    }

    private static ReconcilePoller Poller() =>
        new(null!, null!, Options.Create(new LocalServerOptions()), NullLogger<ReconcilePoller>.Instance);

    private static ReconcileReport Report(params (string Name, IngestOutcome Outcome)[] blobs) =>
        new(ReconcileMode.Incremental, blobs.Length, [.. blobs.Select(b => new IngestResult(b.Name, b.Outcome, ["x"], []))], 0, 0, 0, TimeSpan.Zero);
}
