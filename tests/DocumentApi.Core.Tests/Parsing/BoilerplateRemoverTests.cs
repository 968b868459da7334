using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class BoilerplateRemoverTests
{
    private const string Body1 = "من جانبا نطمح لتنمية الابداعات الوطنية والمساهمة في خلق تقنيات وابتكارات.";
    private const string Body2 = "انا أومن بأن العالم بأسره بصدد ثورة رقمية جديدة.";

    [Theory]
    [InlineData("اقرأ ايضاً")] // seed 000
    [InlineData("اقرأ أيضاً")]
    [InlineData("اقرأ أيضا")]
    [InlineData("إقرأ أيضًا:")]
    [InlineData("اقرا ايضا")]
    public void ReadAlsoBoxAndItsTeaserAreRemovedAndTheBodyContinues(string marker)
    {
        string[] lines = [Body1, "", marker, "طلاب من 4 دول يشاركون في برنامج زمالة الدوحة للغة العربية", "", "ثورة رقمية", Body2];

        Assert.Equal([Body1, "", "", "ثورة رقمية", Body2], BoilerplateRemover.Remove(lines));
    }

    [Fact]
    public void ReadAlsoStopsAtTheFirstLineThatIsNotAHeadline()
    {
        string[] lines = ["اقرأ أيضاً", "طلاب من 4 دول يشاركون في برنامج زمالة الدوحة", Body1];

        Assert.Equal([Body1], BoilerplateRemover.Remove(lines));
    }

    [Fact]
    public void ReadAlsoTakesAtMostThreeTeasers()
    {
        string[] lines = ["اقرأ أيضاً", "عنوان أول", "عنوان ثان", "عنوان ثالث", "الاقتصاد الرقمي", Body1];

        Assert.Equal(["الاقتصاد الرقمي", Body1], BoilerplateRemover.Remove(lines));
    }

    [Fact]
    public void SeeAlsoWidgetWithStrayNumbersHeadlinesAndExcerptsIsRemoved()
    {
        // Seed 000 lines 114-122, without the comment form.
        string[] lines =
        [
            Body1, "", "شاهد أيضاً", "", "1 1587347", "",
            "المساعدات العسكرية لأوكرانيا.. أميركا تكشف “نقطة محورية”", "",
            "أكد مسؤول أميركي، الخميس، أن المساعدات العسكرية الجديدة المقدمة من الولايات المتحدة ودول أخرى لأوكرانيا …", "",
        ];

        Assert.Equal([Body1, ""], BoilerplateRemover.Remove(lines));
    }

    [Fact]
    public void SeeAlsoStopsAtBodyText()
    {
        string[] lines = ["شاهد أيضاً", "1 1587347", "", "الاقتصاد الرقمي", Body2];

        Assert.Equal(["الاقتصاد الرقمي", Body2], BoilerplateRemover.Remove(lines));
    }

    [Theory]
    [InlineData("اترك تعليقاً")] // seed 000
    [InlineData("اترك تعليقا")]
    [InlineData("أترك تعليقاً:")]
    public void CommentFormAndEverythingAfterItAreRemoved(string marker)
    {
        string[] lines = [Body1, "", marker, "", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", Body2];

        Assert.Equal([Body1, ""], BoilerplateRemover.Remove(lines));
    }

    [Theory]
    [InlineData("اقرأ أيضاً: طلاب من 4 دول يشاركون في برنامج زمالة الدوحة")]
    [InlineData("شاهد أيضا: المساعدات العسكرية لأوكرانيا")]
    public void InlineTeaserLineIsRemovedAlone(string line) =>
        Assert.Equal([Body1, Body2], BoilerplateRemover.Remove([Body1, line, Body2]));

    [Theory]
    [InlineData("اقرأ أيضاً ما كتبه الوزير في مقاله الأخير عن الاقتصاد الرقمي.")] // a sentence that starts with the words
    [InlineData("شاهد أيضاً كيف احتفل الأهالي بالعيد في الحي التراثي بحديقة الملك فهد.")]
    [InlineData("أكد سعادة السيد محمد جواد جهرمي وزير الاتصالات.")]
    [InlineData("اتركوا التعليقات جانبا")]
    public void BodyLinesAreNotMarkers(string line)
    {
        Assert.Equal(BoilerplateRemover.Marker.None, BoilerplateRemover.Classify(line));
        Assert.Equal([Body1, line], BoilerplateRemover.Remove([Body1, line]));
    }
}
