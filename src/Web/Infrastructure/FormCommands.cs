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
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(command);
        if (!modelState.IsValid)
        {
            modelState.ReplaceBindingErrors("Enter a valid value.");
            return false;
        }

        try
        {
            await mediator.Send(command(), cancellationToken);
            return true;
        }
        catch (ValidationException ex)
        {
            modelState.AddFailures(form, ex);
            return false;
        }
        catch (DomainRuleViolationException ex)
        {
            modelState.AddModelError(form, ex.Message);
            return false;
        }
    }
}
