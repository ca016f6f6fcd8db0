using WorkSights.Domain.People;

namespace WorkSights.Application.Common.Security;

/// <summary>Only people holding one of these roles in their workspace may send the request.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequiresRoleAttribute(params PersonRole[] roles) : Attribute
{
    public IReadOnlyList<PersonRole> Roles { get; } = roles;
}
