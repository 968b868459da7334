using System.Net;
using System.Text.RegularExpressions;
using static DocumentApi.Search.Tests.SearchTestIndex;

namespace DocumentApi.Search.Tests;

public partial class SnippetTests
{
    private const string Filler = "وأضاف المتحدث الرسمي أن الجهات المختصة تتابع تنفيذ المشاريع التنموية في مختلف المناطق وفق الخطط المعتمدة. ";

    [Fact]
    public async Task AtMostThreeSnippetsOfAboutOneHundredSixtyCharacters()
    {
        var text = string.Concat(Enumerable.Range(0, 8).Select(i => Filler + $"وقال إن المستشفى رقم {i} جاهز. " + Filler));
        using var index = With(Doc("long", text));

        var snippets = Assert.Single((await index.Find("المستشفى")).Items).Snippets;

        Assert.Equal(3, snippets.Count);
        Assert.All(snippets, s =>
        {
            Assert.Contains("<mark>المستشفى</mark>", s, StringComparison.Ordinal);
            var visible = Visible(s);
            Assert.InRange(visible.Length, 100, 220);
        });
        Assert.Equal(3, snippets.Distinct().Count());
    }

    [Fact]
    public async Task SnippetsMarkTheOriginalSpellingOfVariants()
    {
        using var index = With(Doc("variants", "استقبل الأمير أحمد بن سلمان الوفد، وحضر إحمد اللقاء مع مسئول الوزارة عام ٢٠١٥."));

        var snippet = Assert.Single(Assert.Single((await index.Find("احمد مسؤول 2015")).Items).Snippets);

        Assert.Equal(
            "استقبل الأمير <mark>أحمد</mark> بن سلمان الوفد، وحضر <mark>إحمد</mark> اللقاء مع <mark>مسئول</mark> الوزارة عام <mark>٢٠١٥</mark>.",
            snippet);
    }

    [Fact]
    public async Task MarksStayOnTheLettersWhenInvisibleControlsOrPresentationFormsAreAround()
    {
        using var index = With(Doc("bidi", "قال \u200Fأحمد\u200F إن مدر\u200Bسة الحي \uFE8D\uFEDF\uFEE4\uFEAA\uFEAD\uFEB3\uFE94 جديدة"));

        var snippet = Assert.Single(Assert.Single((await index.Find("احمد مدرسة")).Items).Snippets);

        Assert.Equal(
            "قال \u200F<mark>أحمد</mark>\u200F إن <mark>مدر\u200Bسة</mark> الحي <mark>\uFE8D\uFEDF\uFEE4\uFEAA\uFEAD\uFEB3\uFE94</mark> جديدة",
            snippet);
    }

    [Fact]
    public async Task HtmlInTheTextComesBackEscaped()
    {
        using var index = With(Doc("xss", "<script>alert('مدرسة')</script> & <b>مدرسة</b> \"quoted\""));

        var snippet = Assert.Single(Assert.Single((await index.Find("مدرسة")).Items).Snippets);

        Assert.DoesNotContain("<script>", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
        Assert.Equal(
            "&lt;script&gt;alert(&#39;<mark>مدرسة</mark>&#39;)&lt;/script&gt; &amp; &lt;b&gt;<mark>مدرسة</mark>&lt;/b&gt; &quot;quoted&quot;",
            snippet);
    }

    [Fact]
    public async Task OnlyMarkTagsAreLeftUnescaped()
    {
        using var index = SampleArticles.CreateIndex();

        var results = await index.Find("مسؤول الرياض", top: 50);

        Assert.NotEmpty(results.Items);
        foreach (var snippet in results.Items.SelectMany(h => h.Snippets))
        {
            var withoutMarks = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
            Assert.DoesNotContain('<', withoutMarks);
            Assert.DoesNotContain('>', withoutMarks);
            Assert.Equal(WebUtility.HtmlEncode(WebUtility.HtmlDecode(withoutMarks)), withoutMarks);
        }
    }

    [Fact]
    public async Task APhraseIsMarkedAsOneSpanAndOnlyWhereItsWordsAreInOrder()
    {
        using var index = With(Doc("phrase", "في الرياض افتتحت مدرسة جديدة، وزار الوزير مدرسة الرياض الأولى"));

        var snippet = Assert.Single(Assert.Single((await index.Find("\"مدرسة الرياض\"")).Items).Snippets);

        Assert.Equal("في الرياض افتتحت مدرسة جديدة، وزار الوزير <mark>مدرسة الرياض</mark> الأولى", snippet);
    }

    [Fact]
    public async Task TheLeadStandsInWhenOnlyTheTitleMatched()
    {
        var text = "بدأت اليوم أعمال المؤتمر السنوي بحضور عدد كبير من المختصين والباحثين من داخل المملكة وخارجها، " + Filler + Filler;
        using var index = With(Doc("title-only", text, title: "افتتاح مستشفى جديد"));

        var snippet = Assert.Single(Assert.Single((await index.Find("مستشفى")).Items).Snippets);

        Assert.StartsWith("بدأت اليوم أعمال المؤتمر", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", snippet, StringComparison.Ordinal);
        Assert.InRange(Visible(snippet).Length, 100, 200);
    }

    [Fact]
    public async Task ExcludedWordsAreNotMarked()
    {
        using var index = With(Doc("doc", "افتتحت مدرسة جديدة في جدة"));

        var snippet = Assert.Single(Assert.Single((await index.Find("مدرسة -الرياض")).Items).Snippets);

        Assert.Equal("افتتحت <mark>مدرسة</mark> جديدة في جدة", snippet);
    }

    [Fact]
    public async Task AnEmptyBodyHasNoSnippets()
    {
        using var index = With(Doc("empty", "", title: "مستشفى"));

        Assert.Empty(Assert.Single((await index.Find("مستشفى")).Items).Snippets);
    }

    [Fact]
    public async Task FragmentsAreCutBetweenWordsWithAnEllipsis()
    {
        var text = Filler + "وقال إن المستشفى جاهز لاستقبال المرضى. " + Filler + Filler;
        using var index = With(Doc("doc", text));

        var snippet = Assert.Single(Assert.Single((await index.Find("المستشفى")).Items).Snippets);

        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
        var visible = Visible(snippet).Trim('…');
        Assert.True(text.Contains(visible, StringComparison.Ordinal), visible);
        var start = text.IndexOf(visible, StringComparison.Ordinal);
        Assert.Equal(' ', text[start - 1]);
        Assert.Equal(' ', text[start + visible.Length]);
    }

    private static string Visible(string snippet) => WebUtility.HtmlDecode(Tags().Replace(snippet, ""));

    [GeneratedRegex("</?mark>")]
    private static partial Regex Tags();
}
