using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis.Ar;

namespace DocumentApi.Benchmarks;

/// <summary>A benchmark query. <paramref name="Canonical"/> is set for an orthographic variant: the corpus spelling it varies.</summary>
public sealed record BenchQuery(string Category, string Text, string? Canonical = null, string? Kind = null);

/// <summary>
/// Generates the query set from the corpus with a seeded <see cref="Random"/>, so the same corpus and seed always give
/// the same ~300 queries: single words by frequency band, 2–3-word title queries, quoted phrases, orthographic variants
/// (hamza, taa marbuta, alef maqsura, with/without ال, diacritics, tatweel, Arabic-Indic digits), Latin tokens and
/// queries that match nothing.
/// </summary>
public static partial class QueryGenerator
{
    public const int DefaultSeed = 20150721;

    // Letters named as the house style asks; the generator writes the variants users type.
    private const char Alef = '\u0627';
    private const char AlefHamzaAbove = '\u0623';
    private const char AlefHamzaBelow = '\u0625';
    private const char AlefMadda = '\u0622';
    private const char WawHamza = '\u0624';
    private const char YehHamza = '\u0626';
    private const char TehMarbuta = '\u0629';
    private const char Heh = '\u0647';
    private const char AlefMaksura = '\u0649';
    private const char Yeh = '\u064A';
    private const char Lam = '\u0644';
    private const char Tatweel = '\u0640';
    private const string DefiniteArticle = "\u0627\u0644";
    private static readonly char[] Harakat = ['\u064E', '\u064F', '\u0650', '\u0652', '\u0651', '\u064B'];

    public static IReadOnlyList<BenchQuery> Generate(IReadOnlyList<Article> articles, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var stop = ArabicAnalyzer.DefaultStopSet;
        bool IsContentWord(string w) => w.Length >= 3 && IsArabic(w) && !stop.Contains(w);

        // Surface-form frequencies over titles and bodies.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var token in Tokens(article.Title).Concat(Tokens(article.Content)))
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }

        var ranked = counts.Where(kv => IsContentWord(kv.Key))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).ToArray();
        var common = ranked.Take(Math.Min(5000, ranked.Length)).ToArray();

        var queries = new List<BenchQuery>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        void AddFrom(IReadOnlyList<string> pool, int count, Func<string, BenchQuery?> make)
        {
            for (var attempts = 0; count > 0 && attempts < count * 200 && pool.Count > 0; attempts++)
            {
                var query = make(pool[random.Next(pool.Count)]);
                if (query is not null && used.Add(query.Text))
                {
                    queries.Add(query);
                    count--;
                }
            }
        }

        // Single words by frequency band.
        AddFrom(Slice(ranked, 0, 200), 25, w => new BenchQuery("word-frequent", w));
        AddFrom(Slice(ranked, 1000, 5000), 25, w => new BenchQuery("word-mid", w));
        AddFrom(ranked.Where(w => counts[w] is >= 2 and <= 5).ToArray(), 25, w => new BenchQuery("word-rare", w));

        // 2–3-word title queries: consecutive content words of a real headline.
        var titled = articles.Where(a => Tokens(a.Title).Count(IsContentWord) >= 3).ToArray();
        for (var attempts = 0; queries.Count(q => q.Category == "title") < 60 && attempts < 10_000 && titled.Length > 0; attempts++)
        {
            var words = Tokens(titled[random.Next(titled.Length)].Title).Where(IsContentWord).ToArray();
            var length = random.Next(2, 4);
            var start = random.Next(0, Math.Max(1, words.Length - length + 1));
            var text = string.Join(' ', words.Skip(start).Take(length));
            if (text.Contains(' ', StringComparison.Ordinal) && used.Add(text))
            {
                queries.Add(new BenchQuery("title", text));
            }
        }

        // Quoted phrases: two adjacent words of a body, both content words.
        var bodies = articles.Where(a => a.Content.Length > 200).ToArray();
        for (var attempts = 0; queries.Count(q => q.Category == "phrase") < 30 && attempts < 10_000 && bodies.Length > 0; attempts++)
        {
            var words = Tokens(bodies[random.Next(bodies.Length)].Content).ToArray();
            if (words.Length < 3)
            {
                continue;
            }

            var start = random.Next(words.Length - 1);
            if (IsContentWord(words[start]) && IsContentWord(words[start + 1]))
            {
                var text = $"\"{words[start]} {words[start + 1]}\"";
                if (used.Add(text))
                {
                    queries.Add(new BenchQuery("phrase", text));
                }
            }
        }

        // Orthographic variants of common corpus words: the corpus spelling is the canonical form.
        AddFrom(common.Where(w => w[0] is AlefHamzaAbove or AlefHamzaBelow or AlefMadda).ToArray(), 10,
            w => Variant(w, Alef + w[1..], "hamza"));
        AddFrom(common.Where(w => w.Contains(WawHamza, StringComparison.Ordinal) || w.Contains(YehHamza, StringComparison.Ordinal)).ToArray(), 5,
            w => Variant(w, w.Contains(WawHamza, StringComparison.Ordinal) ? w.Replace(WawHamza, YehHamza) : w.Replace(YehHamza, WawHamza), "hamza"));
        AddFrom(common.Where(w => w[^1] == TehMarbuta).ToArray(), 15, w => Variant(w, w[..^1] + Heh, "taa-marbuta"));
        AddFrom(common.Where(w => w[^1] == AlefMaksura).ToArray(), 15, w => Variant(w, w[..^1] + Yeh, "alef-maqsura"));
        AddFrom(common.Where(w => w.StartsWith(DefiniteArticle, StringComparison.Ordinal) && w.Length >= 5).ToArray(), 8,
            w => Variant(w, w[2..], "definite-article"));
        AddFrom(common.Where(w => !w.StartsWith(DefiniteArticle, StringComparison.Ordinal) && w[0] != Lam && w.Length >= 4).ToArray(), 7,
            w => Variant(w, DefiniteArticle + w, "definite-article"));
        AddFrom(common.Where(w => w.Length >= 4).ToArray(), 15, w => Variant(w, AddDiacritics(w, random), "diacritics"));
        AddFrom(common.Where(w => w.Length >= 4).ToArray(), 15, w => Variant(w, AddTatweel(w, random), "tatweel"));
        var numbers = counts.Where(kv => kv.Key.All(char.IsAsciiDigit) && kv.Key.Length is >= 2 and <= 4 && kv.Value >= 5)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).Take(200).ToArray();
        AddFrom(numbers, 15, w => Variant(w, ToArabicIndicDigits(w), "arabic-indic-digits"));

        // Latin tokens that occur in the corpus.
        var latin = counts.Where(kv => kv.Value >= 3 && kv.Key.Length >= 3 && kv.Key.All(char.IsAsciiLetter))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).Take(300).ToArray();
        AddFrom(latin, 20, w => new BenchQuery("latin", w));

        // Words no article contains: letters drawn at random, checked against the vocabulary.
        var vocabulary = counts.Keys.ToHashSet(StringComparer.Ordinal);
        for (var made = 0; made < 15;)
        {
            var word = made < 10 ? RandomWord(random, '\u0628', '\u064A', 7) : RandomWord(random, 'q', 'z', 9);
            if (!vocabulary.Contains(word) && used.Add(word))
            {
                queries.Add(new BenchQuery("no-hit", word));
                made++;
            }
        }

        return queries;
    }

    public static IEnumerable<string> Tokens(string text) =>
        WordPattern().Matches(text).Select(m => m.Value);

    private static BenchQuery? Variant(string canonical, string variant, string kind) =>
        variant == canonical ? null : new BenchQuery("variant", variant, canonical, kind);

    private static string AddDiacritics(string word, Random random)
    {
        var builder = new StringBuilder();
        foreach (var c in word)
        {
            builder.Append(c);
            if (random.Next(2) == 0)
            {
                builder.Append(Harakat[random.Next(Harakat.Length)]);
            }
        }

        return builder.ToString();
    }

    private static string AddTatweel(string word, Random random)
    {
        // Tatweel joins letters, so it goes between two letters inside the word.
        var at = random.Next(1, word.Length - 1);
        return string.Concat(word.AsSpan(0, at), new string(Tatweel, random.Next(1, 3)), word.AsSpan(at));
    }

    private static string ToArabicIndicDigits(string digits) =>
        string.Concat(digits.Select(d => (char)('\u0660' + (d - '0'))));

    private static string RandomWord(Random random, char first, char last, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(first, last + 1);
        }

        return new string(chars);
    }

    private static string[] Slice(string[] ranked, int from, int to) =>
        ranked.Skip(from).Take(Math.Max(0, Math.Min(to, ranked.Length) - from)).ToArray();

    private static bool IsArabic(string word) => word.All(c => c is >= '\u0621' and <= '\u064A');

    [GeneratedRegex(@"[\p{L}\p{M}]+|\p{Nd}+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    internal static string Describe(IReadOnlyList<BenchQuery> queries) => string.Join(", ",
        queries.GroupBy(q => q.Kind is null ? q.Category : $"{q.Category}/{q.Kind}")
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")));
}
