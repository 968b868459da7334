using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Tests;

public sealed class DocumentIdTests
{
    [Theory]
    [InlineData("000_75f81477a1daff0d.txt", "000_75f81477a1daff0d.txt-")]
    [InlineData("news/2015/Report Final.JSON", "report-final.json-")]
    [InlineData("تقرير.txt", "txt-")] // Arabic letters are not readable in a URL unencoded: only the ASCII part stays.
    [InlineData("تقرير", "doc-")]
    [InlineData("a#b?c%d e", "a-b-c-d-e-")]
    [InlineData("..", "doc-")]
    public void IdIsReadableSlugOfTheLastSegmentPlusHash(string blobName, string expectedPrefix)
    {
        var id = DocumentId.For(blobName);
        Assert.StartsWith(expectedPrefix, id, StringComparison.Ordinal);
        Assert.Equal(expectedPrefix.Length + 16, id.Length);
        Assert.True(DocumentId.IsWellFormed(id));
    }

    [Fact]
    public void IdIsDeterministic() => Assert.Equal(DocumentId.For("a/b.txt"), DocumentId.For("a/b.txt"));

    [Theory]
    [InlineData("a/b.txt", "a-b.txt")]
    [InlineData("A.txt", "a.txt")]
    [InlineData("x y", "x-y")]
    [InlineData("x y", "x  y")]
    public void DifferentNamesGiveDifferentIdsEvenWhenTheirSlugsAgree(string first, string second) =>
        Assert.NotEqual(DocumentId.For(first), DocumentId.For(second));

    [Fact]
    public void ArrayElementsGetTheirIndexAndDifferFromTheWholeBlob()
    {
        var whole = DocumentId.For("2015-07-21.json");
        Assert.Equal(whole + "-0", DocumentId.For("2015-07-21.json", 0));
        Assert.NotEqual(DocumentId.For("2015-07-21.json", 1), DocumentId.For("2015-07-21.json", 0));
    }

    [Theory]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("ABC")]
    [InlineData("مرحبا")]
    public void HostileOrForeignStringsAreNotWellFormedIds(string candidate) =>
        Assert.False(DocumentId.IsWellFormed(candidate));
}
