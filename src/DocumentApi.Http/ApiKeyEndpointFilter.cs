using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace DocumentApi.Http;

/// <summary>
/// Requires the configured API key in <c>x-functions-key</c> or <c>code</c>, the way the Functions host checks
/// function keys, so clients use the same calls against either host. No key configured: everything is open.
/// </summary>
public sealed class ApiKeyEndpointFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var expected = options.Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return await next(context);
        }

        var request = context.HttpContext.Request;
        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName];
        }

        return presented is not null && FixedTimeEquals(presented, expected)
            ? await next(context)
            : ApiProblems.MissingApiKey();
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
