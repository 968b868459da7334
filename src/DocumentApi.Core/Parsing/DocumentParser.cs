using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using DocumentApi.Core.Documents;

namespace DocumentApi.Core.Parsing;

/// <summary>
/// Turns a blob's bytes into documents. Never throws for bad input: a blob that cannot be parsed yields one
/// document with <see cref="DocumentStatus.Failed"/> and a reason.
/// </summary>
/// <remarks>
/// The steps, in order, each refusing what the next cannot handle: the size limit (before reading anything), empty
/// blobs, known binary formats by their magic numbers, decoding (<see cref="TextDecoder"/>), binary content,
/// white space only; then JSON (<see cref="SaudiNewsNetParser"/>) or seed text (<see cref="SeedTextParser"/>), and
/// <see cref="DocumentAssembler"/> for the derived fields. The parser holds no state and is safe to share.
/// </remarks>
public sealed class DocumentParser(ParserOptions options)
{
    public const string OctetStream = "application/octet-stream";

    private const string WhiteSpaceOnlyReason = "The blob holds only white space.";

    public ParserOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Parses a blob. The result has at least one document.</summary>
    /// <param name="blobName">The blob's name, from which ids are made.</param>
    /// <param name="content">The blob's bytes.</param>
    /// <param name="contentType">The content type the blob was stored with, if any; kept when it is specific.</param>
    public ImmutableArray<Document> Parse(string blobName, ReadOnlyMemory<byte> content, string? contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var bytes = content.Span;
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var declared = FormatDetector.IsSpecific(contentType) ? contentType!.Trim() : null;
        BlobFacts Facts(string detected) => new(blobName, hash, declared ?? detected, content.Length);

        if (content.Length > Options.MaxSizeBytes)
        {
            return [DocumentAssembler.Fail(Facts(OctetStream), null, string.Create(
                CultureInfo.InvariantCulture,
                $"The blob is {content.Length:N0} bytes, over the {Options.MaxSizeBytes:N0}-byte limit, so it was not read."))];
        }

        if (content.IsEmpty)
        {
            return [DocumentAssembler.Fail(Facts(OctetStream), null, "The blob is empty.")];
        }

        if (BinarySignature.Detect(bytes) is { } signature)
        {
            return [DocumentAssembler.Fail(Facts(signature.ContentType), null, $"The blob is {signature.Name}, not a text or JSON document.")];
        }

        var blob = TextDecoder.Open(content);
        if (TextDecoder.LooksBinary(blob))
        {
            return [DocumentAssembler.Fail(Facts(OctetStream), null, "The blob looks binary: it holds NUL or other control bytes, so it is not text.")];
        }

        var first = blob.FirstSignificantChar();
        if (FormatDetector.IsJson(first, blobName, declared))
        {
            var jsonFacts = Facts(WithCharset("application/json", blob, utf8IsDefault: true));
            return first is null
                ? [DocumentAssembler.Fail(jsonFacts, null, WhiteSpaceOnlyReason)]
                : ParseJson(blob, jsonFacts);
        }

        var facts = Facts(WithCharset("text/plain", blob, utf8IsDefault: false));
        var text = TextHygiene.Clean(blob.Text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [DocumentAssembler.Fail(facts, null, WhiteSpaceOnlyReason)];
        }

        return [DocumentAssembler.Assemble(SeedTextParser.Parse(text), facts, null)];
    }

    private ImmutableArray<Document> ParseJson(DecodedBlob blob, BlobFacts facts)
    {
        // The JSON reader wants UTF-8: the original bytes when they are UTF-8, else the decoded text re-encoded.
        var articles = SaudiNewsNetParser.Parse(blob.Utf8, Options.MaxJsonDepth);
        var documents = ImmutableArray.CreateBuilder<Document>(articles.Count);
        foreach (var article in articles)
        {
            documents.Add(article.Article is { } parsed
                ? DocumentAssembler.Assemble(parsed, facts, article.Index)
                : DocumentAssembler.Fail(facts, article.Index, article.FailureReason!));
        }

        return documents.MoveToImmutable();
    }

    /// <summary>JSON is UTF-8 unless it says otherwise (RFC 8259), so only another charset is named for it.</summary>
    private static string WithCharset(string mediaType, DecodedBlob blob, bool utf8IsDefault) =>
        utf8IsDefault && blob.Encoding == TextEncodingKind.Utf8 ? mediaType : $"{mediaType}; charset={blob.Charset}";
}
