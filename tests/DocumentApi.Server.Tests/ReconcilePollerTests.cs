using DocumentApi.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DocumentApi.Server.Tests;

/// <summary>Which folders the local watcher lists every second between whole-container listings.</summary>
public sealed class ReconcilePollerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheFoldersOfUploadsJustFoundBecomeHotButNotTheRootNorFoldersOfDeletions()
    {
        var poller = Poller();

        poller.NoteChanges(Scan(("2015/07/21/a.json", Now), ("root.txt", Now), ("gone/a.json", null)), Now, whole: true);

        Assert.Equal(["2015/07/21/"], poller.HotFolders);
    }

    [Fact]
    public void WhereUploadsKeepArrivingStaysHotWhenAListingFindsABacklogInManyFolders()
    {
        var poller = Poller();
        for (var second = 0; second < 4; second++)
        {
            poller.NoteChanges(Scan(($"probes/{second}.json", Now.AddSeconds(second))), Now.AddSeconds(second), whole: true);
        }

        // A whole listing finds uploads in ten day folders, some newer than the last probe.
        poller.NoteChanges(Scan([.. Enumerable.Range(0, 10).Select(i => ($"day{i}/1.json", (DateTimeOffset?)Now.AddSeconds(i)))]), Now.AddSeconds(4), whole: true);


        // Of the day folders, found once each, the one with the newest upload takes the other place.
        Assert.Equal(["probes/", "day9/"], poller.HotFolders);
    }

    [Fact]
    public void AFolderWithoutANewUploadFoundForAWhileGoesCold()
    {
        var poller = Poller();
        var later = Now + ReconcilePoller.HotFolderLifetime - TimeSpan.FromSeconds(10);
        poller.NoteChanges(Scan(("probes/1.json", Now), ("today/1.json", Now)), Now, whole: true);

        poller.NoteChanges(Scan(("today/2.json", later)), later, whole: true);
        Assert.Equal(["probes/", "today/"], poller.HotFolders.Order(StringComparer.Ordinal));

        poller.NoteChanges(Scan(), Now + ReconcilePoller.HotFolderLifetime + TimeSpan.FromSeconds(1), whole: true);
        Assert.Equal(["today/"], poller.HotFolders);
    }

    [Fact]
    public void AfterAQuietSpellWhereUploadsKeptArrivingStillOutranksFoldersOfTheBacklogFoundLater()
    {
        var poller = Poller();
        for (var second = 0; second < 60; second++)
        {
            poller.NoteChanges(Scan(($"probes/{second}.json", Now.AddSeconds(second))), Now.AddSeconds(second), whole: true);
        }

        // The last uploads of a bulk import are found a minute and a half later, in two folders; then all is quiet.
        var late = Now.AddSeconds(150);
        poller.NoteChanges(Scan(("day1/1.json", late), ("day2/1.json", late)), late, whole: true);

        poller.NoteChanges(Scan(), late.AddMinutes(2), whole: true);
        Assert.Equal("probes/", poller.HotFolders[0]);
    }

    [Fact]
    public void ListingAFolderOftenDoesNotRaiseItsScoreOnlyWholeScansCountOncePerFolder()
    {
        var poller = Poller();
        for (var round = 0; round < 3; round++)
        {
            var wholeScan = Now.AddSeconds(10 * round);

            // A day folder being filled is listed every second and has news each time, but only during the first round.
            if (round == 0)
            {
                for (var second = 1; second < 10; second++)
                {
                    poller.NoteChanges(Scan(($"day1/{second}.json", wholeScan.AddSeconds(second))), wholeScan.AddSeconds(second), whole: false);
                }
            }

            // Each whole scan finds a probe, and in the last round uploads in a fresh day folder.
            var found = round == 2
                ? Scan(($"probes/{round}.json", wholeScan), ("day2/1.json", wholeScan.AddSeconds(9)))
                : Scan(($"probes/{round}.json", wholeScan));
            poller.NoteChanges(found, wholeScan.AddSeconds(10), whole: true);
        }

        Assert.Equal(["probes/", "day2/"], poller.HotFolders);
    }

    private static ReconcilePoller Poller() =>
        new(null!, null!, null!, Options.Create(new LocalServerOptions()), NullLogger<ReconcilePoller>.Instance);

    private static ScanReport Scan(params (string Name, DateTimeOffset? LastModified)[] changes) =>
        new(changes.Length, [.. changes.Select(c => new BlobChange(c.Name, c.LastModified))], TimeSpan.Zero);
}
