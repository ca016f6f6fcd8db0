using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Common.Security;

/// <summary>
/// Anyone whose identity the provider proved may send the request, with or without a role yet (an admin between
/// sign-up and provisioning); the handler finds only the sender's own workspace.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequiresSignInAttribute : Attribute, IAccessRule
{
    public bool Allows(ICurrentUser currentUser) => currentUser.ExternalTenantId is not null && currentUser.ObjectId is not null;
}
