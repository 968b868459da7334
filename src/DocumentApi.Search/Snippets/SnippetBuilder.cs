using System.Net;
using System.Text;
using DocumentApi.Search.Analysis;
using DocumentApi.Search.Querying;

namespace DocumentApi.Search.Snippets;

/// <summary>
/// Builds the snippets of a hit: up to <see cref="MaxSnippets"/> fragments of about <see cref="FragmentLength"/>
/// characters of the body, best first, each match wrapped in <c>&lt;mark&gt;</c> and all other text HTML-escaped.
/// </summary>
/// <remarks>
/// Matches are where the index itself found the terms (<see cref="PostingsOffsets"/>), so the original spelling is
/// marked (query احمد marks أحمد, ٢٠٢١ marks 2021). A phrase is marked as one span, and only where its words stand in
/// order. Written here rather than with Lucene's Highlighter, which is not served here and escapes through a
/// formatter and encoder pair that is easy to get wrong; building the string ourselves keeps escaping in one place.
/// </remarks>
internal static class SnippetBuilder
{
    public const int MaxSnippets = 3;
    public const int FragmentLength = 160;

    // Context kept before the first match of a fragment, and how far a fragment edge may move to fall between words.
    private const int ContextBefore = 40;
    private const int BoundarySlack = 20;

    // Bounds the work on a long body full of a common word; the best fragments are found well before this.
    private const int MaxAnchors = 500;

    private const string MarkOpen = "<mark>";
    private const string MarkClose = "</mark>";
    private const char Ellipsis = '…';

    /// <param name="text">The stored body.</param>
    /// <param name="clauses">The words and phrases to mark.</param>
    /// <param name="occurrences">Where the terms of <paramref name="clauses"/> occur in <paramref name="text"/>.</param>
    public static IReadOnlyList<string> Build(string? text, IReadOnlyList<QueryClause> clauses, IReadOnlyList<TermOccurrence> occurrences)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var matches = FindMatches(text, clauses, occurrences.Where(o => o.Start >= 0 && o.Start < o.End && o.End <= text.Length).ToList());
        if (matches.Count == 0)
        {
            // Only the title matched: the lead of the body stands in.
            var leadEnd = SnapEnd(text, Math.Min(text.Length, FragmentLength), minimum: 0);
            return [Render(text, 0, leadEnd, matches, 0)];
        }

        var candidates = new List<Window>();
        var firstInside = 0;
        for (var anchor = 0; anchor < Math.Min(matches.Count, MaxAnchors); anchor++)
        {
            var start = SnapStart(text, Math.Max(0, matches[anchor].Start - ContextBefore), matches[anchor].Start);
            var end = SnapEnd(text, Math.Min(text.Length, start + FragmentLength), matches[anchor].End);
            while (firstInside < matches.Count && matches[firstInside].End <= start)
            {
                firstInside++;
            }

            // A phrase matched by an earlier anchor may begin before this fragment: the fragment starts with it.
            if (firstInside < matches.Count && matches[firstInside].Start < start)
            {
                start = matches[firstInside].Start;
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            for (var i = firstInside; i < matches.Count && matches[i].Start < end; i++)
            {
                // A mark never straddles the edge of a fragment: the fragment grows to hold it.
                end = Math.Max(end, matches[i].End);
                keys.UnionWith(matches[i].Keys);
                count++;
            }

            candidates.Add(new Window(start, end, firstInside, (keys.Count * 1000) + count));
        }

        var chosen = new List<Window>();
        foreach (var candidate in candidates.OrderByDescending(w => w.Score).ThenBy(w => w.Start))
        {
            if (chosen.TrueForAll(w => candidate.End <= w.Start || candidate.Start >= w.End))
            {
                chosen.Add(candidate);
                if (chosen.Count == MaxSnippets)
                {
                    break;
                }
            }
        }

        return chosen.ConvertAll(w => Render(text, w.Start, w.End, matches, w.FirstMatch));
    }

    private static List<Match> FindMatches(string text, IReadOnlyList<QueryClause> clauses, IReadOnlyList<TermOccurrence> occurrences)
    {
        var matches = new List<Match>();
        var byPosition = occurrences.ToLookup(t => t.Position);
        foreach (var clause in clauses)
        {
            var first = clause.Terms[0].Text;
            foreach (var occurrence in occurrences.Where(t => t.Text == first))
            {
                var end = occurrence.End;
                var found = true;
                foreach (var next in clause.Terms.AsSpan()[1..])
                {
                    var at = byPosition[occurrence.Position + next.Position].FirstOrDefault(t => t.Text == next.Text);
                    if (at is null)
                    {
                        found = false;
                        break;
                    }

                    end = Math.Max(end, at.End);
                }

                if (found)
                {
                    // Offsets around a removed invisible control include it; the mark is kept to the letters.
                    var start = occurrence.Start;
                    while (start < end - 1 && ArabicLetters.IsInvisibleControl(text[start]))
                    {
                        start++;
                    }

                    while (end > start + 1 && ArabicLetters.IsInvisibleControl(text[end - 1]))
                    {
                        end--;
                    }

                    matches.Add(new Match(start, end, [clause.Key]));
                }
            }
        }

        return Merge(matches);
    }

    /// <summary>Sorts matches and merges overlapping ones (a word inside a matched phrase), so marks never nest.</summary>
    private static List<Match> Merge(List<Match> matches)
    {
        matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var merged = new List<Match>(matches.Count);
        foreach (var match in matches)
        {
            if (merged.Count > 0 && match.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new Match(last.Start, Math.Max(last.End, match.End), [.. last.Keys, .. match.Keys]);
            }
            else
            {
                merged.Add(match);
            }
        }

        return merged;
    }

    /// <summary>Moves a fragment start back to the start of its word, or forward to the next one, never past <paramref name="maximum"/>.</summary>
    private static int SnapStart(string text, int start, int maximum)
    {
        for (var i = start; i >= 0 && i > start - BoundarySlack; i--)
        {
            if (i == 0 || char.IsWhiteSpace(text[i - 1]))
            {
                return i;
            }
        }

        for (var i = start; i < maximum && i < start + BoundarySlack; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i + 1;
            }
        }

        return start == 0 || !char.IsLowSurrogate(text[start]) ? start : start - 1;
    }

    /// <summary>Moves a fragment end forward to the end of its word, or back to the previous one, never before <paramref name="minimum"/>.</summary>
    private static int SnapEnd(string text, int end, int minimum)
    {
        for (var i = end; i < end + BoundarySlack; i++)
        {
            if (i >= text.Length)
            {
                return text.Length;
            }

            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        for (var i = end; i > minimum && i > end - BoundarySlack; i--)
        {
            if (char.IsWhiteSpace(text[i - 1]))
            {
                return i - 1;
            }
        }

        return !char.IsLowSurrogate(text[end]) ? end : end + 1;
    }

    private static string Render(string text, int start, int end, List<Match> matches, int firstMatch)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var html = new StringBuilder((end - start) * 2);
        if (start > 0)
        {
            html.Append(Ellipsis);
        }

        var cursor = start;
        for (var i = firstMatch; i < matches.Count && matches[i].Start < end; i++)
        {
            AppendEscaped(html, text.AsSpan(cursor, matches[i].Start - cursor));
            html.Append(MarkOpen);
            AppendEscaped(html, text.AsSpan(matches[i].Start, matches[i].End - matches[i].Start));
            html.Append(MarkClose);
            cursor = matches[i].End;
        }

        AppendEscaped(html, text.AsSpan(cursor, end - cursor));
        if (end < text.Length)
        {
            html.Append(Ellipsis);
        }

        return html.ToString();
    }

    /// <summary>Appends <paramref name="text"/> HTML-escaped, with each run of white space (paragraph breaks too) as one space.</summary>
    private static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text)
    {
        var plain = new StringBuilder(text.Length);
        var inSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!inSpace)
                {
                    plain.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                plain.Append(c);
                inSpace = false;
            }
        }

        html.Append(WebUtility.HtmlEncode(plain.ToString()));
    }

    private sealed record Match(int Start, int End, IReadOnlyList<string> Keys);

    private sealed record Window(int Start, int End, int FirstMatch, int Score);
}
