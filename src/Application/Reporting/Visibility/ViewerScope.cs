using WorkSights.Domain.People;

namespace WorkSights.Application.Reporting.Visibility;

/// <summary>
/// Whose activity and scores the signed-in person may see (PRODUCT.md, roles): a Member themselves, a Manager themselves
/// and their whole reporting tree, an Executive or Owner everyone, a Technical Admin nobody. Every reporting query
/// filters by it; someone outside it is answered as not found.
/// </summary>
public sealed class ViewerScope
{
    private readonly IReadOnlySet<Guid> people;

    private ViewerScope(Guid viewerId, PersonRole role, bool seesEveryone, IReadOnlySet<Guid> people, bool seesScores)
    {
        ViewerId = viewerId;
        Role = role;
        SeesEveryone = seesEveryone;
        this.people = people;
        SeesScores = seesScores;
    }

    public Guid ViewerId { get; }

    public PersonRole Role { get; }

    public bool SeesEveryone { get; }

    /// <summary>The people visible besides "everyone"; empty when <see cref="SeesEveryone"/>.</summary>
    public IReadOnlyCollection<Guid> People => (IReadOnlyCollection<Guid>)people;

    /// <summary>False for a Member of a workspace that hides scores from Members, and for a Technical Admin.</summary>
    public bool SeesScores { get; }

    public bool Sees(Guid personId) => SeesEveryone || people.Contains(personId);

    public static ViewerScope Everyone(Guid viewerId, PersonRole role) => new(viewerId, role, true, new HashSet<Guid>(), true);

    public static ViewerScope Only(Guid viewerId, PersonRole role, IEnumerable<Guid> people, bool seesScores) =>
        new(viewerId, role, false, people.ToHashSet(), seesScores);
}
