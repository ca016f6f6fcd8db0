using Microsoft.AspNetCore.DataProtection;
using WorkSights.Infrastructure.Privacy;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>The production pseudonym keys over data-protection keys that live only as long as the test run.</summary>
internal static class TestPseudonymKeys
{
    public static PseudonymKeys Instance { get; } = new(new EphemeralDataProtectionProvider());
}
