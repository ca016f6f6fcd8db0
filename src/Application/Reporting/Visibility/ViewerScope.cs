using WorkSights.Application.Common.Exceptions;
using WorkSights.Domain.People;
using WorkSights.Domain.Privacy;

namespace WorkSights.Application.Reporting.Visibility;

/// <summary>
/// Whose activity and scores the signed-in person may see (PRODUCT.md, roles): a Member themselves, a Manager themselves
/// and their whole reporting tree, an Executive or Owner everyone, a Technical Admin nobody. Every reporting query
/// filters by it; someone outside it is answered as not found. Under the workspace's privacy mode it also names everyone
/// but the viewer by pseudonym and withholds groups smaller than the minimum.
/// </summary>
public sealed class ViewerScope
{
    private readonly IReadOnlySet<Guid> people;
    private readonly byte[]? pseudonymKey;
    private readonly Guid? viewerId;
    private readonly PersonRole? role;

    private ViewerScope(Guid? viewerId, PersonRole? role, bool seesEveryone, IReadOnlySet<Guid> people, bool seesScores, PrivacyOfViewer? privacy)
    {
        this.viewerId = viewerId;
        this.role = role;
        SeesEveryone = seesEveryone;
        this.people = people;
        SeesScores = seesScores;
        var applies = privacy is not null && (seesEveryone || people.Any(id => id != viewerId));
        pseudonymKey = applies ? privacy!.PseudonymKey : null;
        MinimumGroupSize = applies ? privacy!.MinimumGroupSize : null;
    }

    /// <exception cref="ForbiddenAccessException">The viewer is an integration client, not a person.</exception>
    public Guid ViewerId => viewerId ?? throw NotAPerson();

    /// <exception cref="ForbiddenAccessException">The viewer is an integration client, not a person.</exception>
    public PersonRole Role => role ?? throw NotAPerson();

    /// <summary>An integration client (API key) reads, not a person: it has no own data, id nor role.</summary>
    public bool IsIntegration => viewerId is null;

    public bool SeesEveryone { get; }

    /// <summary>The people visible besides "everyone"; empty when <see cref="SeesEveryone"/>.</summary>
    public IReadOnlyCollection<Guid> People => (IReadOnlyCollection<Guid>)people;

    /// <summary>False for a Member of a workspace that hides scores from Members, and for a Technical Admin.</summary>
    public bool SeesScores { get; }

    /// <summary>True under privacy mode for a viewer who sees others: they read pseudonyms, not names.</summary>
    public bool SeesPseudonyms => pseudonymKey is not null;

    /// <summary>Under privacy mode, the smallest group this viewer may see figures of; null when any group may be shown.</summary>
    public int? MinimumGroupSize { get; }

    public bool Sees(Guid personId) => SeesEveryone || people.Contains(personId);

    /// <summary>True when <paramref name="personId"/> is the viewer themselves; never for an integration client.</summary>
    public bool IsViewer(Guid personId) => viewerId == personId;

    /// <summary>What the viewer calls <paramref name="personId"/>: their name, or under privacy mode their pseudonym (the viewer keeps their own name).</summary>
    public string NameOf(Guid personId, string displayName) =>
        pseudonymKey is null || IsViewer(personId) ? displayName : Pseudonym.Of(pseudonymKey, personId);

    public static ViewerScope Everyone(Guid viewerId, PersonRole role, PrivacyOfViewer? privacy = null) =>
        new(viewerId, role, true, new HashSet<Guid>(), true, privacy);

    public static ViewerScope Only(Guid viewerId, PersonRole role, IEnumerable<Guid> people, bool seesScores, PrivacyOfViewer? privacy = null) =>
        new(viewerId, role, false, people.ToHashSet(), seesScores, privacy);

    /// <summary>An integration client with the reports scope: the workspace's everyone as an Executive reads them, under the
    /// same privacy mode, and nobody of its own.</summary>
    public static ViewerScope Integration(PrivacyOfViewer? privacy) => new(null, null, true, new HashSet<Guid>(), true, privacy);

    private static ForbiddenAccessException NotAPerson() => new("An API key reads for its workspace; it is not a person.");
}

/// <summary>The workspace's privacy mode as a viewer's scope applies it.</summary>
public sealed record PrivacyOfViewer(byte[] PseudonymKey, int MinimumGroupSize);
