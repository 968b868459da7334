namespace DocumentApi.Core.Tests.Parsing;

/// <summary>Files of the repository the parser tests read: the seeds, the golden files and the samples.</summary>
internal static class RepoFiles
{
    public const string Seed000 = "000_75f81477a1daff0d.txt";
    public const string Seed003 = "003_70fef929f376210c.txt";
    public const string SaudiNewsNetSample = "saudinewsnet-sample.json";

    /// <summary>The repository root: the nearest folder above the test binaries that holds package.json.</summary>
    public static string Root { get; } = FindRoot();

    public static string SeedPath(string name) => Path.Combine(Root, "seeds", name);

    public static byte[] Seed(string name) => File.ReadAllBytes(SeedPath(name));

    public static string GoldenPath(string seedName) =>
        Path.Combine(Root, "tests", "DocumentApi.Core.Tests", "Golden", Path.ChangeExtension(seedName, ".json"));

    public static string SamplePath(string name) => Path.Combine(Root, "tests", "DocumentApi.Core.Tests", "Samples", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && Directory.Exists(Path.Combine(dir.FullName, "seeds")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds package.json and seeds/.");
    }
}
