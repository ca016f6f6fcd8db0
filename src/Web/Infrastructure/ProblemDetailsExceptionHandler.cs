using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Domain.Common;

namespace WorkSights.Web.Infrastructure;

/// <summary>
/// One place that turns failures into answers: 400 for invalid input, 404 for missing or foreign ids, 403 for
/// forbidden (with privacy mode's reason when it withholds a group), 503 when a provider is down, and a 500 without internals for everything else. API callers get
/// ProblemDetails; pages get the status code, which the error page renders.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>The item of the request that carries privacy mode's reason for withholding a group to the error page.</summary>
    public const string GroupWithheldReason = "WorkSights.GroupWithheld";

    /// <summary>Minimal APIs' binding failures quote the raw parameter value; the caller gets this instead.</summary>
    private const string BindingFailure = "A parameter has the wrong form, e.g. text where a number or one of the listed values is expected.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, errors) = exception switch
        {
            ValidationException v => (StatusCodes.Status400BadRequest, "The request is not valid.", v.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(WithoutInput).ToArray())),
            DomainRuleViolationException => (StatusCodes.Status400BadRequest, exception.Message, null),
            BadHttpRequestException => (StatusCodes.Status400BadRequest, "The request is not valid.", null),
            NotFoundException => (StatusCodes.Status404NotFound, exception.Message, null),
            ForbiddenAccessException => (StatusCodes.Status403Forbidden, "You are not allowed to do this.", null),
            GroupWithheldException => (StatusCodes.Status403Forbidden, exception.Message, null),
            ProviderUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Microsoft 365 is not reachable right now. Please try again shortly.", null),
            _ => (StatusCodes.Status500InternalServerError, "Something went wrong on our side.", (Dictionary<string, string[]>?)null),
        };

        if (status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(exception, httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = status;
        if (exception is GroupWithheldException)
        {
            httpContext.Items[GroupWithheldReason] = exception.Message;
        }

        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return true;
        }

        var details = errors is null
            ? new ProblemDetails { Status = status, Title = title, Detail = exception is BadHttpRequestException ? BindingFailure : null }
            : new ValidationProblemDetails(errors) { Status = status, Title = title };
        details.Extensions["traceId"] = httpContext.TraceIdentifier;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = null });
    }

    /// <summary>
    /// Validator messages may quote the value they refused (FluentValidation's enum and format messages do); an answer
    /// never hands the caller's input back, so such a message gives way to a plain one.
    /// </summary>
    private static string WithoutInput(ValidationFailure failure) =>
        failure.AttemptedValue?.ToString() is { Length: > 0 } attempted && failure.ErrorMessage.Contains(attempted, StringComparison.Ordinal)
            ? "This value is not valid."
            : failure.ErrorMessage;

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure of request {TraceId}")]
    private partial void LogUnhandled(Exception exception, string traceId);
}
