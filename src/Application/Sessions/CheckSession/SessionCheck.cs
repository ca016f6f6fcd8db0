using WorkSights.Domain.People;

namespace WorkSights.Application.Sessions.CheckSession;

/// <param name="Role">The person's role now (null for a sign-up session without a workspace).</param>
public sealed record SessionCheck(bool IsActive, PersonRole? Role)
{
    public static readonly SessionCheck Ended = new(false, null);
}
