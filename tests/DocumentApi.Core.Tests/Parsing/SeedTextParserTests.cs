using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class SeedTextParserTests
{
    private const string Header = "20210613 1623614769 51060";
    private const string Caption = "Doha skyline *** Local Caption *** Doha skyline";
    private const string Title = "وزير الاتصالات الإيراني: طهران ترحب بجهود قطر";
    private const string Paragraph = "أكد سعادة السيد محمد جواد جهرمي أن هناك فرص تعاون هامة تجمع بين الدوحة وطهران.";

    [Fact]
    public void HeaderCaptionTitleAndBodyAreEachRecognised()
    {
        var article = SeedTextParser.Parse(string.Join('\n', Header, Caption, "", Title, "", Paragraph));

        Assert.Equal("51060", article.SourceId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1623614769), article.PublishedAt);
        Assert.Equal("Doha skyline", article.Caption);
        Assert.Equal(Title, article.Title);
        Assert.Equal(Paragraph, Assert.Single(Assert.Single(article.Sections).Paragraphs).Text);
    }

    [Fact]
    public void EveryPartBeforeTheBodyIsOptional()
    {
        var article = SeedTextParser.Parse(string.Join('\n', Title, "", Paragraph));

        Assert.Null(article.SourceId);
        Assert.Null(article.PublishedAt);
        Assert.Null(article.Caption);
        Assert.Equal(Title, article.Title);
    }

    [Theory]
    [InlineData("a first line with a body line right under it", Title + "\n" + Paragraph)]
    [InlineData("a first line that ends with a full stop", Paragraph + "\n\n" + Paragraph)]
    [InlineData("a first line that is a question", "◄ ما هي نتائج الزيارة؟\n\n" + Paragraph)]
    [InlineData("the only line", Title)]
    [InlineData("a line longer than a title", "أكد سعادة السيد محمد جواد جهرمي وزير الاتصالات وتكنولوجيا المعلومات الإيراني أن هناك فرص تعاون هامة تجمع بين الدوحة وطهران في مجال الاقتصاد الرقمي والتكنولوجيا، مبينا أن زيارته للدوحة كانت خطوة ايجابية للمزيد من التنسيق وتعزيز المشاريع المشتركة\n\n" + Paragraph)]
    public void WithoutAStandaloneTitleLineTheFirstLineIsBody(string label, string text)
    {
        var article = SeedTextParser.Parse(text);

        Assert.True(article.Title is null, label);
        Assert.NotEmpty(article.Sections);
    }

    [Fact]
    public void HeaderAloneGivesNoBody()
    {
        var article = SeedTextParser.Parse(Header + "\n");

        Assert.Equal("51060", article.SourceId);
        Assert.Empty(article.Sections);
        Assert.Null(article.Title);
    }
}
