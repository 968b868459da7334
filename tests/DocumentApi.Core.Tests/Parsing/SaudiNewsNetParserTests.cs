using System.Collections.Immutable;
using System.Text;
using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class SaudiNewsNetParserTests
{
    private const string BlobName = "saudinewsnet/2015-07-21.json";
    private static readonly DocumentParser Parser = new(new ParserOptions());

    private static ImmutableArray<Document> ParseSample() =>
        Parser.Parse(BlobName, File.ReadAllBytes(RepoFiles.SamplePath(RepoFiles.SaudiNewsNetSample)), "application/json");

    [Fact]
    public void SampleGivesOneDocumentPerArticleWithElementIds()
    {
        var documents = ParseSample();

        Assert.Equal(38, documents.Length);
        Assert.Equal(Enumerable.Range(0, 38).Cast<int?>(), documents.Select(d => d.ElementIndex));
        Assert.Equal(documents.Select((_, i) => DocumentId.For(BlobName, i)), documents.Select(d => d.Id));
        Assert.Equal(12, documents.Where(d => d.Source is not null).Select(d => d.Source).Distinct().Count());
        Assert.All(documents, d => Assert.Equal("application/json", d.ContentType));
    }

    [Fact]
    public void SampleArticlesAreIndexedWithTheirFieldsMapped()
    {
        var first = ParseSample()[0];

        Assert.Equal(DocumentStatus.Indexed, first.Status);
        Assert.Equal("aawsat", first.Source);
        Assert.Equal("http://aawsat.com/home/article/410801/الرئيس-هادي-يعين-نايف-البكري-محافظا-لعدن", first.Url);
        Assert.Equal("الرئيس هادي يعين نايف البكري محافظا لعدن", first.Title);
        Assert.False(first.TitleIsDerived);
        Assert.Equal("لندن: «الشرق الأوسط أونلاين»", first.Author);
        Assert.Equal(DocumentLanguage.Arabic, first.Language);

        // "2015-07-21 02:51:33" in Saudi time is 23:51:33 the day before in UTC.
        Assert.Equal(new DateTimeOffset(2015, 7, 20, 23, 51, 33, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal(TimeSpan.Zero, first.PublishedAt!.Value.Offset);

        // Paragraphs are separated by blank lines in this article.
        Assert.Equal(4, first.Sections.Single().Paragraphs.Length);
        Assert.StartsWith("أصدر الرئيس عبدربه منصور هادي", first.Lead, StringComparison.Ordinal);
    }

    [Fact]
    public void SampleArticleWithAnEmptyTitleGetsADerivedTitle()
    {
        var untitled = ParseSample()[5];

        Assert.Equal(DocumentStatus.Indexed, untitled.Status);
        Assert.True(untitled.TitleIsDerived);
        Assert.StartsWith("هو عدد مستخدمي فيسبوك حسب آخر الإحصائيات", untitled.Title, StringComparison.Ordinal);
        Assert.Null(untitled.Author);
    }

    [Fact]
    public void SampleArticleWithNeitherTitleNorTextFails()
    {
        var empty = ParseSample()[12];

        Assert.Equal(DocumentStatus.Failed, empty.Status);
        Assert.Equal(DocumentAssembler.NoTextReason, empty.FailureReason);
        Assert.Equal(DocumentId.For(BlobName, 12), empty.Id);
    }

    [Fact]
    public void SampleBylinesAreHtmlDecodedAndLoseTheirTrailingColon()
    {
        var documents = ParseSample();

        Assert.Equal("واس (جدة)", documents[29].Author); // "&nbsp;واس (جدة)"
        Assert.Equal("بريدة - عبدالرحمن التويجري", documents[7].Author); // "بريدة - عبدالرحمن التويجري:"
        Assert.All(documents, d => Assert.DoesNotContain("&nbsp;", d.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void SampleParagraphsOnSingleLinesAreKeptApart()
    {
        // almadina separates paragraphs with one line break, each line a finished sentence.
        var article = ParseSample()[10];

        Assert.Equal(8, article.Sections.Single().Paragraphs.Length);
    }

    [Fact]
    public void SingleArticleObjectIsOneDocumentWithoutAnIndex()
    {
        const string json = """{"source": "sabq", "url": "https://sabq.org/x", "date_extracted": "2015-08-01 00:30:00", "title": "عنوان الخبر", "author": "", "content": "الفقرة الأولى.\n\nالفقرة الثانية."}""";

        var document = Assert.Single(Parser.Parse("one.json", Encoding.UTF8.GetBytes(json), null));

        Assert.Null(document.ElementIndex);
        Assert.Equal(DocumentId.For("one.json"), document.Id);
        Assert.Equal(new DateTimeOffset(2015, 7, 31, 21, 30, 0, TimeSpan.Zero), document.PublishedAt);
        Assert.Null(document.Author);
        Assert.Equal("الفقرة الأولى.\n\nالفقرة الثانية.", document.Text);
    }

    [Fact]
    public void ElementsThatAreNotArticlesFailAloneAndTheOthersStillParse()
    {
        const string json = """
            [
              {"source": "okaz", "title": "عنوان", "content": "نص الخبر."},
              42,
              {"source": "okaz", "title": "بلا نص"},
              {"source": "okaz", "title": "نص غير نصي", "content": 7},
              "نص",
              {"source": "okaz", "title": "", "content": "خبر بلا عنوان."}
            ]
            """;

        var documents = Parser.Parse("mixed.json", Encoding.UTF8.GetBytes(json), null);

        Assert.Equal(
            [DocumentStatus.Indexed, DocumentStatus.Failed, DocumentStatus.Failed, DocumentStatus.Failed, DocumentStatus.Failed, DocumentStatus.Indexed],
            documents.Select(d => d.Status));
        Assert.Equal("The array element at index 1 is a number, not an article object.", documents[1].FailureReason);
        Assert.Equal("The array element at index 2 is not an article: it has no \"content\" text.", documents[2].FailureReason);
        Assert.Equal("The array element at index 3 is not an article: it has no \"content\" text.", documents[3].FailureReason);
        Assert.Equal("The array element at index 4 is a string, not an article object.", documents[4].FailureReason);
        Assert.All(documents.Where(d => d.Status == DocumentStatus.Failed), d => Assert.Equal(DocumentLanguage.Undetermined, d.Language));
        Assert.Equal("خبر بلا عنوان", documents[5].Title);
        Assert.True(documents[5].TitleIsDerived);
    }

    [Theory]
    [InlineData("42", "The JSON is neither an article object nor an array of articles: it is a number.")]
    [InlineData("\"نص\"", "The JSON is neither an article object nor an array of articles: it is a string.")]
    [InlineData("{\"title\": \"عنوان\"}", "The JSON object is not an article: it has no \"content\" text.")]
    [InlineData("[]", "The JSON array holds no articles.")]
    public void JsonThatHoldsNoArticleIsOneFailedDocument(string json, string reason)
    {
        var document = Assert.Single(Parser.Parse("x.json", Encoding.UTF8.GetBytes(json), null));

        Assert.Equal(DocumentStatus.Failed, document.Status);
        Assert.Equal(reason, document.FailureReason);
        Assert.Null(document.ElementIndex);
    }

    [Theory]
    [InlineData("2015-07-21 02:51:32", "2015-07-20T23:51:32+00:00")]
    [InlineData("2015-08-01 03:00:00", "2015-08-01T00:00:00+00:00")]
    [InlineData("2015-07-21", null)]
    [InlineData("21/07/2015 02:51:32", null)]
    [InlineData("0001-01-01 01:00:00", null)] // no UTC equivalent
    [InlineData("", null)]
    public void DateExtractedIsSaudiTimeConvertedToUtc(string text, string? expected) =>
        Assert.Equal(
            expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SaudiNewsNetParser.ParseDateExtracted(text));
}
