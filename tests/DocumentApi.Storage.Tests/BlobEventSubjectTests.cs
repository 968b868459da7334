namespace DocumentApi.Storage.Tests;

public sealed class BlobEventSubjectTests
{
    [Theory]
    [InlineData("/blobServices/default/containers/documents/blobs/a.txt", "a.txt")]
    [InlineData("/blobServices/default/containers/documents/blobs/2015/07/folder article.txt", "2015/07/folder article.txt")]
    [InlineData("/blobServices/default/containers/documents/blobs/تقرير#1?.txt", "تقرير#1?.txt")]
    public void TheBlobNameKeepsItsFoldersAndCharacters(string subject, string expected)
    {
        Assert.True(BlobEventSubject.TryGetBlobName(subject, "documents", out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("/blobServices/default/containers/other/blobs/a.txt")]
    [InlineData("/blobServices/default/containers/documents-archive/blobs/a.txt")]
    [InlineData("/blobServices/default/containers/documents/blobs/")]
    [InlineData("/blobServices/default/containers/documents")]
    [InlineData("")]
    [InlineData(null)]
    public void SubjectsOutsideTheContainerAreIgnored(string? subject) =>
        Assert.False(BlobEventSubject.TryGetBlobName(subject, "documents", out _));
}
