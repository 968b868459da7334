using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DocumentApi.Core.Documents;

/// <summary>
/// Document ids: deterministic from the blob name (plus the element index for a JSON array), distinct for distinct
/// names, readable where the name is readable, and made only of <c>[a-z0-9._-]</c> so they can be used unencoded as
/// a URL path segment and as a Table Storage key (which forbid <c>/ \ # ?</c> and control characters).
/// </summary>
/// <remarks>
/// Shape: <c>{slug}-{hash}</c> or <c>{slug}-{hash}-{index}</c>, where slug is the ASCII letters and digits of the
/// name's last path segment (other runs become one '-', at most 48 characters, <c>doc</c> when nothing is left) and
/// hash is the first 16 hex digits (64 bits) of SHA-256 over the full name. The hash, not the slug, makes ids
/// distinct: the slug only helps a human see which blob an id came from.
/// </remarks>
public static class DocumentId
{
    private const int MaxSlugLength = 48;
    private const int HashHexLength = 16;

    public static string For(string blobName, int? elementIndex = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        var slug = Slug(blobName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..HashHexLength];
        return elementIndex is { } index
            ? string.Create(CultureInfo.InvariantCulture, $"{slug}-{hash}-{index}")
            : $"{slug}-{hash}";
    }

    /// <summary>True when <paramref name="id"/> has the shape of an id; anything else cannot name a document.</summary>
    public static bool IsWellFormed(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 128)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Slug(string blobName)
    {
        var name = blobName.TrimEnd('/');
        var lastSlash = name.LastIndexOf('/');
        if (lastSlash >= 0)
        {
            name = name[(lastSlash + 1)..];
        }

        var builder = new StringBuilder(Math.Min(name.Length, MaxSlugLength));
        var pendingDash = false;
        foreach (var c in name)
        {
            if (builder.Length >= MaxSlugLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '_')
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingDash = true;
            }
        }

        // Leading or trailing dots would make "." and ".." segments or confuse file-like names.
        var slug = builder.ToString().Trim('.', '-');
        return slug.Length == 0 ? "doc" : slug;
    }
}
