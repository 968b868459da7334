using System.Collections.Immutable;
using DocumentApi.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocumentApi.Server.Tests;

/// <summary>Which folders the local watcher lists every second between whole-container listings.</summary>
public sealed class ReconcilePollerTests
{
    [Fact]
    public void TheFoldersWithTheNewestUploadsAreListedAndRootBlobsAndQuietFoldersAreNot()
    {
        var poller = new ReconcilePoller(null!, null!, Options.Create(new LocalServerOptions()), NullLogger<ReconcilePoller>.Instance);
        var now = DateTimeOffset.UtcNow;

        // A bulk upload: the backlog of older day folders drains while two folders are being written now.
        poller.NoteChanges(Report(
            ("2015/07/21/a.json", now.AddSeconds(-50)),
            ("2015/07/22/a.json", now.AddSeconds(-40)),
            ("2015/07/23/a.json", now.AddSeconds(-30)),
            ("2015/07/24/a.json", now.AddSeconds(-20)),
            ("2015/08/01/a.json", now.AddSeconds(-1)),
            ("probes/p.txt", now),
            ("root.txt", now),
            ("old/a.json", now.AddMinutes(-5))));

        Assert.Equal(
            ["2015/07/23/", "2015/07/24/", "2015/08/01/", "probes/"],
            poller.HotFolders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ADeletionMakesItsFolderHotAsOfNow()
    {
        var poller = new ReconcilePoller(null!, null!, Options.Create(new LocalServerOptions()), NullLogger<ReconcilePoller>.Instance);

        // A deleted blob is not in the listing, so the report has no Last-Modified for it.
        poller.NoteChanges(new ReconcileReport(
            ReconcileMode.Incremental, 0, [new IngestResult("gone/a.json", IngestOutcome.Deleted, [], ["a"])], 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(["gone/"], poller.HotFolders);
    }

    private static ReconcileReport Report(params (string Name, DateTimeOffset Modified)[] blobs) =>
        new(ReconcileMode.Incremental, blobs.Length, [.. blobs.Select(b => new IngestResult(b.Name, IngestOutcome.Created, ["x"], []))], 0, 0, 0, TimeSpan.Zero)
        {
            LastModified = blobs.ToImmutableDictionary(b => b.Name, b => b.Modified),
        };
}
