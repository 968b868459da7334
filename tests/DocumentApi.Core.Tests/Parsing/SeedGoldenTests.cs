using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

/// <summary>
/// Pins every field of both seeds' parse against a checked-in golden file. After an intended change, run the tests
/// with UPDATE_GOLDEN=1 to rewrite the files, then read the diff line by line before committing it.
/// </summary>
public sealed class SeedGoldenTests
{
    [Theory]
    [InlineData(RepoFiles.Seed000)]
    [InlineData(RepoFiles.Seed003)]
    public void SeedParsesExactlyAsTheGoldenFileSays(string seed)
    {
        var documents = new DocumentParser(new ParserOptions()).Parse(seed, RepoFiles.Seed(seed), contentType: null);

        var document = Assert.Single(documents);
        var actual = GoldenJson.Serialize(document);
        var goldenPath = RepoFiles.GoldenPath(seed);
        if (GoldenJson.Updating)
        {
            File.WriteAllText(goldenPath, actual);
        }

        Assert.True(File.Exists(goldenPath), $"{goldenPath} is missing: run the tests once with {GoldenJson.UpdateVariable}=1.");
        Assert.Equal(File.ReadAllText(goldenPath), actual);
    }
}
