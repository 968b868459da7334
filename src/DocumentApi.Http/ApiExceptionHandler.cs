using DocumentApi.Core.Ports;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DocumentApi.Http;

/// <summary>
/// Last line of defence: an exception becomes problem details without its message or stack trace. Storage outages
/// are 503 (retry later); anything else is a 500 that is logged, because it is our bug, not the client's.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            return true;
        }

        var unavailable = exception is DocumentStoreUnavailableException;
        if (unavailable)
        {
            LogStorageUnavailable(logger, httpContext.Request.Path, exception);
        }
        else
        {
            LogUnhandled(logger, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = null,
            ProblemDetails =
            {
                Status = httpContext.Response.StatusCode,
                Title = unavailable ? "Storage unavailable" : "Internal error",
                Detail = unavailable
                    ? "Document storage did not answer. Try again shortly."
                    : "The request failed on our side. It has been logged.",
                Type = unavailable ? "tag:documentapi,2026:problem:storage-unavailable" : "tag:documentapi,2026:problem:internal-error",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage unavailable while serving {Path}")]
    private static partial void LogStorageUnavailable(ILogger logger, PathString path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error while serving {Path}")]
    private static partial void LogUnhandled(ILogger logger, PathString path, Exception exception);
}
