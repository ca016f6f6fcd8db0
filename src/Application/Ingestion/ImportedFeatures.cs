using WorkSights.Domain.Ingestion;

namespace WorkSights.Application.Ingestion;

/// <summary>The features read mailbox by mailbox; the others come from workspace-wide feeds (<see cref="Feeds.IFeedImport"/>).</summary>
internal static class ImportedFeatures
{
    /// <summary>Read from each person's mailbox.</summary>
    public static readonly IReadOnlyList<ServiceFeature> FromMailboxes = [ServiceFeature.Email, ServiceFeature.Calendar];
}
