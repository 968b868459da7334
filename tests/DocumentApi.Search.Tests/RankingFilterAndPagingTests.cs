using DocumentApi.Core.Ports;
using static DocumentApi.Search.Tests.SearchTestIndex;

namespace DocumentApi.Search.Tests;

public class RankingFilterAndPagingTests
{
    private static readonly DateTimeOffset July21 = new(2015, 7, 21, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TitleMatchOutranksASingleMentionInTheBody()
    {
        using var index = With(
            Doc("body", "أعلنت الوزارة اليوم عن خطط جديدة للتعليم تشمل بناء مستشفى صغير قرب المدارس وتطوير المناهج الدراسية", title: "خطط جديدة للتعليم"),
            Doc("title", "أعلنت الوزارة اليوم عن خطط جديدة للصحة تشمل التوسع في الخدمات وتطوير الكوادر الطبية في المناطق", title: "افتتاح مستشفى جديد"));

        var results = await index.Find("مستشفى");

        Assert.Equal(["title", "body"], results.Items.Select(h => h.Id));
        Assert.True(results.Items[0].Score > results.Items[1].Score);
    }

    [Fact]
    public async Task DocumentsMentioningTheWordMoreRankHigher()
    {
        using var index = With(
            Doc("once", "تحدث التقرير عن النفط مرة واحدة ثم انتقل إلى الحديث عن الزراعة والصناعة والتجارة"),
            Doc("often", "ارتفعت أسعار النفط اليوم وقال خبراء النفط إن إنتاج النفط سيزيد في الأشهر القادمة"));

        Assert.Equal(["often", "once"], (await index.Find("النفط")).Items.Select(h => h.Id));
    }

    [Fact]
    public async Task SourceFilterMatchesExactly()
    {
        using var index = With(
            Doc("okaz", "خبر عن مدرسة", source: "okaz"),
            Doc("sabq", "خبر عن مدرسة", source: "sabq"),
            Doc("okaz-upper", "خبر عن مدرسة", source: "OKAZ"),
            Doc("none", "خبر عن مدرسة"));

        var results = await index.SearchAsync(new SearchQuery("مدرسة", Source: "okaz"), TestContext.Current.CancellationToken);

        Assert.Equal(1, results.Total);
        Assert.Equal("okaz", Assert.Single(results.Items).Source);
    }

    [Fact]
    public async Task DateBoundsAreInclusiveAndUndatedDocumentsNeverMatchThem()
    {
        using var index = With(
            Doc("day1", "خبر عن مدرسة", publishedAt: July21),
            Doc("day2", "خبر عن مدرسة", publishedAt: July21.AddDays(1)),
            Doc("day3", "خبر عن مدرسة", publishedAt: July21.AddDays(2)),
            Doc("undated", "خبر عن مدرسة"));
        var cancellationToken = TestContext.Current.CancellationToken;

        async Task<string[]> Between(DateTimeOffset? from, DateTimeOffset? to) =>
            (await index.SearchAsync(new SearchQuery("مدرسة", From: from, To: to), cancellationToken))
                .Items.Select(h => h.Id).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["day1", "day2"], await Between(July21, July21.AddDays(1)));
        Assert.Equal(["day2"], await Between(July21.AddDays(1), July21.AddDays(1)));
        Assert.Equal(["day2", "day3"], await Between(July21.AddDays(1), null));
        Assert.Equal(["day1"], await Between(null, July21));
        Assert.Equal(["day2"], await Between(July21.AddTicks(1), July21.AddDays(2).AddTicks(-1)));
        Assert.Empty(await Between(July21.AddDays(2), July21));

        // The same instant in another offset is the same bound.
        Assert.Equal(["day1"], await Between(null, July21.ToOffset(TimeSpan.FromHours(3))));
    }

    [Fact]
    public async Task HitsCarryTheStoredFields()
    {
        var publishedAt = new DateTimeOffset(2015, 8, 1, 9, 30, 0, TimeSpan.FromHours(3));
        using var index = With(Doc("doc-1", "نص الخبر عن مدرسة", title: "عنوان الخبر", source: "okaz", publishedAt: publishedAt));

        var hit = Assert.Single((await index.Find("مدرسة")).Items);

        Assert.Equal("doc-1", hit.Id);
        Assert.Equal("عنوان الخبر", hit.Title);
        Assert.Equal("okaz", hit.Source);
        Assert.Equal(publishedAt, hit.PublishedAt);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public async Task TotalIsExactOnEveryPageAndPagesDoNotOverlap()
    {
        var documents = Enumerable.Range(0, 25)
            .Select(i => Doc($"doc-{i:00}", $"خبر رقم {i} عن مدرسة " + string.Concat(Enumerable.Repeat("مدرسة ", i % 5))))
            .Append(Doc("other", "مباراة كرة القدم"))
            .ToArray();
        using var index = With(documents);

        var pages = new[] { await index.Find("مدرسة", top: 10, skip: 0), await index.Find("مدرسة", top: 10, skip: 10), await index.Find("مدرسة", top: 10, skip: 20) };

        Assert.All(pages, p => Assert.Equal(25, p.Total));
        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count));
        var ids = pages.SelectMany(p => p.Items).Select(h => h.Id).ToList();
        Assert.Equal(25, ids.Distinct().Count());
        var scores = pages.SelectMany(p => p.Items).Select(h => h.Score).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 30)]
    [InlineData(10, 1001)]
    [InlineData(-5, -5)]
    [InlineData(int.MaxValue, int.MaxValue)]
    public async Task OddPagingNeverThrowsAndKeepsTheTotal(int top, int skip)
    {
        using var index = With(Doc("a", "مدرسة"), Doc("b", "مدرسة"));

        var results = await index.Find("مدرسة", top, skip);

        Assert.Equal(2, results.Total);
        Assert.Empty(results.Items);
    }
}
