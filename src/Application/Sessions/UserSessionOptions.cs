using System.ComponentModel.DataAnnotations;

namespace WorkSights.Application.Sessions;

/// <summary>How long a session lives (configuration section <c>Sessions</c>).</summary>
public sealed class UserSessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>From sign-in, however active the person is.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Without any request.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one check of a session against the database is trusted; zero checks on every request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.FromSeconds(5);
}
