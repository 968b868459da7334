using DocumentApi.Core.Ports;
using static DocumentApi.Search.Tests.SearchTestIndex;

namespace DocumentApi.Search.Tests;

public class QueryLanguageTests
{
    private static LuceneSearchIndex Variants() => With(
        Doc("hamza-above", "استقبل الأمير أحمد الوفد"),
        Doc("bare-alef", "استقبل الامير احمد الوفد"),
        Doc("hamza-below", "قال إحمد كلاما"),
        Doc("teh-marbuta", "افتتحت مدرسة جديدة"),
        Doc("heh", "افتتحت مدرسه جديده"),
        Doc("diacritics", "افتُتِحَت مَدْرَسَةٌ"),
        Doc("tatweel", "افتتحت مدرســـة"),
        Doc("alef-maksura", "نقل إلى مستشفى الملك"),
        Doc("yeh", "نقل الى مستشفي الملك"),
        Doc("indic-digits", "في عام ٢٠٢١ تقرر"),
        Doc("ascii-digits", "في عام 2021 تقرر"),
        Doc("waw-seat", "صرح مسؤول في الوزارة"),
        Doc("yeh-seat", "صرح مسئول في الوزارة"),
        Doc("unrelated", "مباراة كرة القدم انتهت بالتعادل"));

    [Fact]
    public async Task TheNameAliIsFoundAlthoughThePrepositionOnSpellsTheSameOnceNormalised()
    {
        using var index = With(
            Doc("name", "استقبل الأمير علي بن سلمان الوفد"),
            Doc("preposition", "حصل الفريق على جائزة"));
        Assert.Contains("name", await index.Ids("علي"));
        Assert.Equal(["name"], await index.Ids("علي بن سلمان"));
    }

    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إحمد", "احمد")]
    [InlineData("مدرسة", "مدرسه")]
    [InlineData("مَدْرَسَة", "مدرسة")]
    [InlineData("مدرســة", "مدرسة")]
    [InlineData("مستشفى", "مستشفي")]
    [InlineData("٢٠٢١", "2021")]
    [InlineData("مسؤول", "مسئول")]
    public async Task SpellingVariantsFindTheSameDocuments(string variant, string other)
    {
        using var index = Variants();
        var found = await index.Ids(variant);
        Assert.True(found.Length >= 2, $"{variant} found {string.Join(", ", found)}");
        Assert.DoesNotContain("unrelated", found);
        Assert.Equal(found, await index.Ids(other));
    }

    [Fact]
    public async Task RealArticlesWithEitherHamzaSeatAreFoundByBothSpellings()
    {
        using var index = SampleArticles.CreateIndex();
        var withWawSeat = SampleArticles.Documents.Where(d => d.Text.Contains("مسؤول", StringComparison.Ordinal)).Select(d => d.Id);
        var withYehSeat = SampleArticles.Documents.Where(d => d.Text.Contains("مسئول", StringComparison.Ordinal)).Select(d => d.Id);

        var found = await index.Ids("مسؤول");

        Assert.NotEmpty(withWawSeat);
        Assert.NotEmpty(withYehSeat);
        Assert.Subset(found.ToHashSet(), withWawSeat.Concat(withYehSeat).ToHashSet());
        Assert.Equal(found, await index.Ids("مسئول"));
    }

    [Fact]
    public async Task PhraseMatchesWordsInOrderOnly()
    {
        using var index = With(
            Doc("in-order", "زار الوزير مدرسة الرياض صباح اليوم"),
            Doc("reversed", "في الرياض افتتحت مدرسة جديدة"),
            Doc("apart", "مدرسة جديدة افتتحت في مدينة الرياض"));

        Assert.Equal(["in-order"], await index.Ids("\"مدرسة الرياض\""));
        Assert.Equal(["apart", "in-order", "reversed"], await index.Ids("مدرسة الرياض"));
    }

    [Fact]
    public async Task PhraseIsAnalysedLikeTheText()
    {
        using var index = With(
            Doc("vocalised", "زار الوزير مَدْرَسَةَ الرِّيَاضِ"),
            Doc("stop-word-inside", "تخرج في جامعة في الرياض"),
            Doc("other", "جامعة الملك سعود"));

        Assert.Equal(["vocalised"], await index.Ids("\"مدرسه الرياض\""));
        Assert.Equal(["stop-word-inside"], await index.Ids("\"جامعة في الرياض\""));
    }

    [Fact]
    public async Task ExcludedWordsAndPhrasesRemoveDocuments()
    {
        using var index = With(
            Doc("riyadh", "مدرسة في الرياض"),
            Doc("jeddah", "مدرسة في جدة"),
            Doc("riyadh-school", "افتتاح مدرسة الرياض الأولى"));

        Assert.Equal(["jeddah"], await index.Ids("مدرسة -الرياض"));
        Assert.Equal(["jeddah", "riyadh"], await index.Ids("مدرسة -\"مدرسة الرياض\""));
        Assert.Equal(["riyadh", "riyadh-school"], await index.Ids("مدرسة -جده"));
    }

    [Fact]
    public async Task FallsBackToAnyWordWhenNoDocumentHasEveryWord()
    {
        using var index = With(
            Doc("school", "افتتحت مدرسة جديدة"),
            Doc("plane", "هبطت طائرة في المطار"),
            Doc("both", "مدرسة الطيران تشتري طائرة"),
            Doc("neither", "مباراة كرة القدم"));

        var all = await index.Find("مدرسة طائرة");
        Assert.Equal(MatchMode.All, all.MatchMode);
        Assert.Equal(["both"], all.Items.Select(h => h.Id));

        var any = await index.Find("مدرسة سيارة");
        Assert.Equal(MatchMode.Any, any.MatchMode);
        Assert.Equal(2, any.Total);
        Assert.Equal(["both", "school"], any.Items.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FallbackToAnyStillHonoursExclusions()
    {
        using var index = With(
            Doc("school", "افتتحت مدرسة جديدة"),
            Doc("school-riyadh", "افتتحت مدرسة في الرياض"));

        var results = await index.Find("مدرسة سيارة -الرياض");

        Assert.Equal(MatchMode.Any, results.MatchMode);
        Assert.Equal(["school"], results.Items.Select(h => h.Id));
    }

    [Theory]
    [InlineData("title:x")]
    [InlineData("a*")]
    [InlineData("a~")]
    [InlineData("a~2")]
    [InlineData("/re/")]
    [InlineData("/[a-z/")]
    [InlineData("\"unbalanced")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("AND")]
    [InlineData("a AND OR NOT b")]
    [InlineData("\\")]
    [InlineData("[1 TO 5]")]
    [InlineData("{")]
    [InlineData("^2")]
    [InlineData("&& || !")]
    [InlineData("+ - \" * ?")]
    [InlineData("-")]
    [InlineData("-\"\"")]
    [InlineData("\"\"")]
    [InlineData("*:*")]
    [InlineData("مدرسة*")]
    [InlineData("+مدرسة")]
    [InlineData("title:مدرسة")]
    public async Task LuceneSyntaxIsTreatedAsText(string query)
    {
        using var index = With(Doc("school", "افتتحت مدرسة جديدة", title: "مدرسة"));

        var results = await index.Find(query);

        Assert.Equal(query, results.Query);
        Assert.Equal(results.Total, results.Items.Count);
    }

    [Fact]
    public async Task ControlCharactersAndBrokenSurrogatesInAQueryAreText()
    {
        using var index = With(Doc("school", "افتتحت مدرسة جديدة"));

        Assert.Equal(["school"], await index.Ids("\u0000مدرسة\uFFFF \uD800"));
    }

    [Fact]
    public async Task AQueryOfThousandsOfWordsDoesNotThrow()
    {
        using var index = With(Doc("school", "افتتحت مدرسة جديدة"));
        var words = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"w{i} -x{i}"));

        var results = await index.Find("مدرسة " + words);

        Assert.Equal(MatchMode.Any, results.MatchMode);
        Assert.Equal(["school"], results.Items.Select(h => h.Id));
    }

    [Theory]
    [InlineData("مدرسة*")]
    [InlineData("+مدرسة")]
    [InlineData("(مدرسة)")]
    [InlineData("مدرسة~")]
    [InlineData("/مدرسة/")]
    public async Task PunctuationAroundAWordStillFindsTheWord(string query)
    {
        using var index = With(Doc("school", "افتتحت مدرسة جديدة"), Doc("other", "مباراة كرة القدم"));

        Assert.Equal(["school"], await index.Ids(query));
    }

    [Theory]
    [InlineData("في من عن")]
    [InlineData("إلى الذي")]
    [InlineData("، ؛ ؟ ! ...")]
    [InlineData("\"في من\"")]
    [InlineData("-مدرسة")]
    [InlineData("")]
    public async Task QueryOfOnlyStopWordsPunctuationOrExclusionsFindsNothing(string query)
    {
        using var index = With(Doc("school", "ذهب الطلاب إلى مدرسة في الرياض من الصباح على الأقدام"));

        var results = await index.Find(query);

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Items);
    }
}
