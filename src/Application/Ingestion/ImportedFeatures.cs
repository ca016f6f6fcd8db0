using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion;

/// <summary>The features WorkSights can import today; the others are shown as not available yet.</summary>
internal static class ImportedFeatures
{
    /// <summary>Read from each person's mailbox.</summary>
    public static readonly IReadOnlyList<ServiceFeature> FromMailboxes = [ServiceFeature.Email, ServiceFeature.Calendar];
}
