using DocumentApi.Core.Documents;
using DocumentApi.Storage.Tables;

namespace DocumentApi.Storage.Tests;

public sealed class KeyTests
{
    [Theory]
    [InlineData("مقال.txt", null)]
    [InlineData("أخبار/2015/تقرير #1 ?.json", 0)]
    [InlineData("أخبار/2015/تقرير #1 ?.json", 7)]
    [InlineData("x.json", 123)]
    [InlineData("0123456789abcdef", null)] // a slug that looks like a hash
    [InlineData("1234567890123456-9", 42)]
    public void TheBlobPartitionIsRecoveredFromEveryDocumentId(string blobName, int? index)
    {
        var id = DocumentId.For(blobName, index);

        Assert.Equal(StorageKeys.PartitionForBlob(blobName), StorageKeys.PartitionForDocument(id));
    }

    [Theory]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("")]
    [InlineData("UPPER")]
    [InlineData("a/b")]
    public void MalformedIdsHaveNoPartition(string id) => Assert.Null(StorageKeys.PartitionForDocument(id));

    [Fact]
    public void TheRowsOfOneElementDoNotIncludeThoseOfAnotherWithALongerIndex()
    {
        var one = DocumentId.For("a.json", 1);
        var ten = DocumentId.For("a.json", 10);

        Assert.True(string.CompareOrdinal(StorageKeys.ChunkRowKey(one, "v", 99999), StorageKeys.DocumentRangeEnd(one)) < 0);
        Assert.True(string.CompareOrdinal(StorageKeys.MetaRowKey(ten), StorageKeys.DocumentRangeEnd(one)) > 0);
        Assert.True(string.CompareOrdinal(StorageKeys.MetaRowKey(one), StorageKeys.ChunkRowKey(one, "0", 0)) < 0);
        Assert.True(string.CompareOrdinal(StorageKeys.BlobRowKey(StorageKeys.PartitionForBlob("a.json")), StorageKeys.MetaRowKey(one)) < 0);
    }

    [Fact]
    public void ListingKeysSortNewestPublishedFirstThenNewestIngestedThenUndated()
    {
        var day = new DateTimeOffset(2015, 7, 21, 0, 0, 0, TimeSpan.Zero);
        string[] keys =
        [
            StorageKeys.ListingRowKey(day.AddDays(1), day, "b"),
            StorageKeys.ListingRowKey(day, day.AddHours(2), "c"),
            StorageKeys.ListingRowKey(day, day.AddHours(1), "a"),
            StorageKeys.ListingRowKey(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), day, "d"),
            StorageKeys.ListingRowKey(null, day.AddDays(9), "e"),
            StorageKeys.ListingRowKey(null, day, "f"),
        ];

        Assert.Equal(keys, keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("aawsat", "src-aawsat")]
    [InlineData("al-riyadh.sa", "src-al-riyadh.sa")]
    public void SimpleSourcesKeepTheirNameInTheScope(string source, string scope) => Assert.Equal(scope, StorageKeys.SourceScope(source));

    [Theory]
    [InlineData("الرياض")]
    [InlineData("Okaz")]
    [InlineData("a/b#c?d")]
    public void OtherSourcesAreHashedIntoASafeScope(string source)
    {
        var scope = StorageKeys.SourceScope(source);

        Assert.StartsWith("srcx-", scope, StringComparison.Ordinal);
        Assert.True(DocumentId.IsWellFormed(scope));
    }
}
