using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Parsing;

/// <summary>What a document knows of its blob, whatever the blob holds.</summary>
internal sealed record BlobFacts(string BlobName, string ContentHash, string ContentType, long SizeBytes);

/// <summary>
/// Builds the <see cref="Document"/> from a parsed article and its blob: the composed text, the lead (first
/// paragraph), the derived title when there is none, the language and the word count.
/// </summary>
internal static class DocumentAssembler
{
    public const string NoTextReason =
        "No article text was found: nothing is left once blank lines and site boilerplate are removed.";

    public static Document Assemble(ParsedArticle article, BlobFacts blob, int? elementIndex)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(blob);
        var lead = article.Sections.IsEmpty ? null : article.Sections[0].Paragraphs[0].Text;
        var title = string.IsNullOrEmpty(article.Title) ? null : article.Title;
        var titleIsDerived = false;
        if (title is null && lead is not null)
        {
            title = TitleDeriver.Derive(lead);
            titleIsDerived = true;
        }

        if (string.IsNullOrEmpty(title))
        {
            return Fail(blob, elementIndex, NoTextReason);
        }

        var text = Document.ComposeText(article.Sections);
        return new Document
        {
            Id = DocumentId.For(blob.BlobName, elementIndex),
            BlobName = blob.BlobName,
            ElementIndex = elementIndex,
            Title = title,
            TitleIsDerived = titleIsDerived,
            Lead = lead,
            PublishedAt = article.PublishedAt,
            Source = article.Source,
            SourceId = article.SourceId,
            Url = article.Url,
            Author = article.Author,
            Dateline = article.Dateline,
            Caption = article.Caption,
            Language = LanguageDetector.Detect(title, text),
            Sections = article.Sections,
            Text = text,
            WordCount = WordCounter.Count(text),
            ContentHash = blob.ContentHash,
            ContentType = blob.ContentType,
            SizeBytes = blob.SizeBytes,
        };
    }

    /// <summary>A failed document: the blob's facts and the reason, nothing else.</summary>
    public static Document Fail(BlobFacts blob, int? elementIndex, string reason)
    {
        ArgumentNullException.ThrowIfNull(blob);
        return new Document
        {
            Id = DocumentId.For(blob.BlobName, elementIndex),
            BlobName = blob.BlobName,
            ElementIndex = elementIndex,
            Status = DocumentStatus.Failed,
            FailureReason = reason,
            Language = DocumentLanguage.Undetermined,
            ContentHash = blob.ContentHash,
            ContentType = blob.ContentType,
            SizeBytes = blob.SizeBytes,
        };
    }
}
