using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace WorkSights.Web.Infrastructure;

/// <summary>Puts what went wrong with a posted form beside its fields, in words a person reads.</summary>
public static class FormErrors
{
    /// <summary>Replaces the framework's binding messages (a word in a number field…) with <paramref name="message"/>.</summary>
    public static void ReplaceBindingErrors(this ModelStateDictionary modelState, string message)
    {
        foreach (var key in modelState.Keys.Where(k => modelState[k]!.ValidationState == ModelValidationState.Invalid).ToList())
        {
            modelState[key]!.Errors.Clear();
            modelState.AddModelError(key, message);
        }
    }

    /// <summary>Each of a command's validation failures, beside the field of the form bound as <paramref name="prefix"/>.</summary>
    public static void AddFailures(this ModelStateDictionary modelState, string prefix, ValidationException failure)
    {
        foreach (var error in failure.Errors)
        {
            modelState.AddModelError($"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
    }
}
