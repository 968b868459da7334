using System.ComponentModel.DataAnnotations;

namespace DocumentApi.Server;

/// <summary>What the standalone server does that Azure does for the Functions app (section <c>LocalServer</c>).</summary>
public sealed class LocalServerOptions
{
    public const string SectionName = "LocalServer";

    /// <summary>
    /// How often the watcher lists its hot folders, and at most how often it lists the whole container; stands in for
    /// Event Grid.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The largest share of time the watcher spends listing: with many blobs, the whole container is listed less often
    /// than <see cref="ReconcileInterval"/>, so that its listings take at most half this share (half of a tenth while a
    /// backlog is ingested), leaving about as much again to the listings of the busy folders.
    /// </summary>
    [Range(0.05, 1.0)]
    public double MaxListingShare { get; set; } = 0.25;

    /// <summary>How often every row is also checked against the container (see <c>ReconcileMode.Deep</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan DeepReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the search snapshot is rewritten; stands in for the timer function.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upload the files in <see cref="SeedsPath"/> when the container is empty at start-up.</summary>
    public bool UploadSeedsWhenEmpty { get; set; } = true;

    /// <summary>Folder of seed documents; relative paths are resolved against the repository root.</summary>
    public string SeedsPath { get; set; } = "seeds";
}
