using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Common.Security;

/// <summary>
/// Sent by WorkSights itself — a background job, or the sign-in flow before anyone holds a session — never on a
/// person's behalf, so no role is asked for. <see cref="Sender"/> says which part sends it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class SentByWorkSightsAttribute(string sender) : Attribute, IAccessRule
{
    public string Sender { get; } = sender;

    public bool Allows(ICurrentUser currentUser) => true;
}
