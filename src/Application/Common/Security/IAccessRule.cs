using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Common.Security;

/// <summary>
/// Who may send a request. Every request declares exactly one rule as an attribute; the authorization behaviour applies
/// it before the handler runs and refuses a request that declares none. What a permitted sender reaches (own data, the
/// reporting tree, the workspace) is applied inside the handler's queries.
/// </summary>
public interface IAccessRule
{
    bool Allows(ICurrentUser currentUser);
}
