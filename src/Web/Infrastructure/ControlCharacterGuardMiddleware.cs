using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// Refuses, before anything binds them, query strings and form fields that hold control characters (NUL, escape,
/// DEL, C1 controls) or a form that cannot be read at all. No field WorkSights accepts needs them, and turned away here
/// they cannot reach a model binder, a log line or the database. Tab, carriage return and line feed stay allowed: a
/// browser sends them from ordinary text fields.
/// </summary>
internal sealed partial class ControlCharacterGuardMiddleware(RequestDelegate next, IProblemDetailsService problemDetails, ILogger<ControlCharacterGuardMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The status-code page re-runs the pipeline for the request this guard already answered.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (HasControlCharacters(context.Request.Query) || !await FormIsCleanAsync(context))
        {
            LogRefused(context.Request.Method, context.Request.Path.Value ?? string.Empty);
            await RefuseAsync(context);
            return;
        }

        await next(context);
    }

    private static async Task<bool> FormIsCleanAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return true;
        }

        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return !HasControlCharacters(form);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return false;
        }
    }

    private static bool HasControlCharacters(IEnumerable<KeyValuePair<string, StringValues>> fields)
    {
        foreach (var (key, values) in fields)
        {
            if (IsUnacceptable(key))
            {
                return true;
            }

            foreach (var value in values)
            {
                if (value is not null && IsUnacceptable(value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsUnacceptable(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return true;
            }
        }

        return false;
    }

    private async Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            // Pages: the status-code page renders the 400.
            return;
        }

        var details = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "The query or form holds control characters, or could not be read.",
        };
        details.Extensions["traceId"] = context.TraceIdentifier;
        await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path}: control characters in the query or form, or an unreadable form")]
    private partial void LogRefused(string method, string path);
}
