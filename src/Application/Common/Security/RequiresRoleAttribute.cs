using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.Common.Security;

/// <summary>Only people holding one of these roles in their workspace may send the request.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequiresRoleAttribute(params PersonRole[] roles) : Attribute, IAccessRule
{
    public IReadOnlyList<PersonRole> Roles { get; } = roles;

    public bool Allows(ICurrentUser currentUser) => currentUser.Role is { } role && Roles.Contains(role);
}
