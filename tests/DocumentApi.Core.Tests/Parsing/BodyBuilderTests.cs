using DocumentApi.Core.Documents;
using DocumentApi.Core.Parsing;

namespace DocumentApi.Core.Tests.Parsing;

public sealed class BodyBuilderTests
{
    [Fact]
    public void HardWrappedLinesAreJoinedIntoOneParagraph()
    {
        // Seed 000 lines 50-53: no line but the last ends a sentence.
        string[] lines =
        [
            "انا أومن بأن العالم بأسره بصدد ثورة رقمية جديدة.. وفي مؤتمر الإقتصاد العالمي",
            "ذكر بأن العالم يعيش الثورة الصناعية الرابعة.. الثورة الرقمية بامكاننا ان نراها في",
            "جميع انحاء العالم، الاقتصاد الرقمي في ايران تطور ثلاثة أضعاف في الأربع سنوات",
            "الأخيرة، ونرى أن الدوحة حققت تقدما جليا.",
        ];

        var section = Assert.Single(BodyBuilder.Build(lines));
        var paragraph = Assert.Single(section.Paragraphs);
        Assert.Equal(string.Join(' ', lines), paragraph.Text);
    }

    [Fact]
    public void ConsecutiveLinesThatEachEndASentenceAreSeparateParagraphs()
    {
        // Seed 000 lines 6-7, shortened.
        string[] lines =
        [
            "أكد سعادة السيد محمد جواد جهرمي أن هناك فرص تعاون هامة تجمع بين الدوحة وطهران.",
            "وقال سعادته في حوار مع “الشرق” إن هناك خططا مستقبلية قطرية للاستثمار.",
        ];

        var section = Assert.Single(BodyBuilder.Build(lines));
        Assert.Equal(lines, section.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void AnUnfinishedLineBeforeABlankLineStillEndsItsParagraph()
    {
        var section = Assert.Single(BodyBuilder.Build(["نحن نعيش في عصر الاقتصاد الرقمي وهو مجال حيوي ومهم والبلد الذي يملك", "", "هذه التقنيات يملك المستقبل."]));
        Assert.Equal(2, section.Paragraphs.Length);
    }

    [Fact]
    public void QuestionIsItsOwnParagraphAndTheAnswerFollows()
    {
        string[] lines =
        [
            "◄ ما هي نتائج الزيارة التي قمتم بها للدوحة",
            "زيارتنا لدولة قطر تجيء في اطار متابعة الملفات المشتركة.",
        ];

        var section = Assert.Single(BodyBuilder.Build(lines));
        Assert.Equal(
            [new Paragraph("ما هي نتائج الزيارة التي قمتم بها للدوحة", IsQuestion: true), new Paragraph("زيارتنا لدولة قطر تجيء في اطار متابعة الملفات المشتركة.")],
            section.Paragraphs);
    }

    [Fact]
    public void ShortHeadingStartsASectionAtAParagraphStart()
    {
        string[] lines =
        [
            "لقاؤنا مع معالي الشيخ خالد بن خليفة كان إيجابيا جدا.",
            "",
            "الاقتصاد الرقمي",
            "",
            "◄ ما المجالات التي تقترحون تعزيز التعاون فيها مع الدوحة؟",
            "يحقق الاقتصاد الرقمي تطورا كبيرا في العالم والمنطقة.",
        ];

        var sections = BodyBuilder.Build(lines);

        Assert.Equal([null, "الاقتصاد الرقمي"], sections.Select(s => s.Heading));
        Assert.Equal([false, true, false], sections.SelectMany(s => s.Paragraphs).Select(p => p.IsQuestion));
    }

    [Fact]
    public void ShortAnswerRightAfterAQuestionIsNotAHeading()
    {
        var sections = BodyBuilder.Build(["◄ هل أنتم متفائلون بنتائج الزيارة؟", "", "نعم بالتأكيد", "", "الوساطة القطرية", "قطر تدعو دائما الى الحوار."]);

        Assert.Equal([null, "الوساطة القطرية"], sections.Select(s => s.Heading));
        Assert.Equal(["هل أنتم متفائلون بنتائج الزيارة؟", "نعم بالتأكيد"], sections[0].Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void ShortLastLineOfAWrappedParagraphIsNotAHeading()
    {
        string[] lines = ["بيننا كشعوب في المنطقة قواسم مشتركة يجب ان نتحاور لأن فرص الصداقة والتعاون", "كبيرة ومهمة"];

        var section = Assert.Single(BodyBuilder.Build(lines));
        Assert.Null(section.Heading);
        Assert.Equal(string.Join(' ', lines), Assert.Single(section.Paragraphs).Text);
    }

    [Fact]
    public void NumberedHeadingStartsASectionEvenWithoutABlankLine()
    {
        string[] lines =
        [
            "نحن لسنا اليوم في هذا المؤتمر بصفتنا وفدا فنيا متخصصا فقط.",
            "1- المرونة الرقمية: تحويل الأزمة الى رأسمال استراتيجي",
            "في عالم اليوم، لم تعد التكنولوجيا هامشية في السياسات الاقتصادية.",
        ];

        var sections = BodyBuilder.Build(lines);

        Assert.Equal([null, "1- المرونة الرقمية: تحويل الأزمة الى رأسمال استراتيجي"], sections.Select(s => s.Heading));
        Assert.All(sections, s => Assert.Single(s.Paragraphs));
    }

    [Fact]
    public void HeadingWithNothingUnderItIsKeptAsAParagraph()
    {
        var sections = BodyBuilder.Build(["الفقرة الأولى انتهت.", "", "الوساطة القطرية", ""]);

        var section = Assert.Single(sections);
        Assert.Equal(["الفقرة الأولى انتهت.", "الوساطة القطرية"], section.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void HeadingFollowedByAnotherHeadingIsKeptAsAParagraph()
    {
        var sections = BodyBuilder.Build(["الوساطة القطرية", "", "الحوار الإقليمي", "قطر تدعو دائما الى الحوار."]);

        Assert.Equal([null, "الحوار الإقليمي"], sections.Select(s => s.Heading));
        Assert.Equal("الوساطة القطرية", sections[0].Paragraphs.Single().Text);
    }

    [Fact]
    public void NoLinesGiveNoSections()
    {
        Assert.Empty(BodyBuilder.Build([]));
        Assert.Empty(BodyBuilder.Build(["", "", "◄"]));
    }
}
