using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using WorkSights.Domain.Common;

namespace WorkSights.Web.Infrastructure;

/// <summary>Sends the command a posted form stands for, with whatever refuses it put beside the form's fields.</summary>
public static class FormCommands
{
    /// <summary>
    /// False, with the reasons in <paramref name="modelState"/> under <paramref name="form"/>, when a value did not bind,
    /// the command's validator refused it or a domain rule did (also while <paramref name="command"/> builds it).
    /// </summary>
    public static async Task<bool> TrySendAsync(
        this IMediator mediator, ModelStateDictionary modelState, string form, Func<object> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        ArgumentNullException.ThrowIfNull(command);
        return (await TrySendAsync(modelState, form, () => mediator.Send(command(), cancellationToken))).Sent;
    }

    /// <summary>As the other overload, with the command's answer when it was sent.</summary>
    public static async Task<(bool Sent, TResult? Result)> TrySendForResultAsync<TResult>(
        this IMediator mediator, ModelStateDictionary modelState, string form, Func<ICommand<TResult>> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mediator);
        ArgumentNullException.ThrowIfNull(command);
        var (sent, result) = await TrySendAsync(modelState, form, async () => await mediator.Send(command(), cancellationToken));
        return (sent, sent ? (TResult?)result : default);
    }

    private static async Task<(bool Sent, object? Result)> TrySendAsync(ModelStateDictionary modelState, string form, Func<ValueTask<object?>> send)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (!modelState.IsValid)
        {
            modelState.ReplaceBindingErrors("Enter a valid value.");
            return (false, null);
        }

        try
        {
            return (true, await send());
        }
        catch (ValidationException ex)
        {
            modelState.AddFailures(form, ex);
            return (false, null);
        }
        catch (DomainRuleViolationException ex)
        {
            modelState.AddModelError(form, ex.Message);
            return (false, null);
        }
    }
}
