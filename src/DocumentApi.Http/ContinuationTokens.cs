using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DocumentApi.Http;

/// <summary>
/// Wraps the storage cursor of a listing page into an opaque, tamper-evident token bound to the filters of the
/// query that produced it: <c>base64url(payload).base64url(HMAC-SHA256(payload))</c>. A token that was edited, or
/// that is replayed with other filters, is rejected as a bad parameter instead of reaching storage.
/// </summary>
/// <remarks>
/// The token protects integrity, not secrecy: the cursor is a position in a listing the caller may read anyway.
/// </remarks>
public sealed class ContinuationTokens
{
    private readonly byte[] _key;

    public ContinuationTokens(ReadOnlySpan<byte> key)
    {
        if (key.Length < 16)
        {
            throw new ArgumentException("The continuation token key must be at least 16 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    public string Protect(string cursor, string scope)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(scope);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(cursor, scope), TokenJsonContext.Default.TokenPayload);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The cursor inside <paramref name="token"/>, or null when the token is malformed, forged or for another scope.</summary>
    public string? Unprotect(string token, string scope)
    {
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1 || token.Length > 4096)
        {
            return null;
        }

        byte[] payload;
        byte[] mac;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            return null;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize(payload, TokenJsonContext.Default.TokenPayload);
            return decoded is not null && string.Equals(decoded.Scope, scope, StringComparison.Ordinal) ? decoded.Cursor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A key derived from a stable secret-ish value every instance of one deployment shares.</summary>
    public static byte[] DeriveKey(string material) =>
        SHA256.HashData(Encoding.UTF8.GetBytes("DocumentApi continuation tokens\n" + material));

    internal sealed record TokenPayload(string Cursor, string Scope);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(ContinuationTokens.TokenPayload))]
internal sealed partial class TokenJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
