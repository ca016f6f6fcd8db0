using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Reporting.Visibility;

/// <summary>Limits a reporting query to the people a <see cref="ViewerScope"/> sees; for "everyone" it adds no filter.</summary>
public static class VisibleQueries
{
    public static IQueryable<Person> VisibleTo(this IQueryable<Person> people, ViewerScope scope)
    {
        if (scope.SeesEveryone)
        {
            return people;
        }

        var ids = scope.People;
        return people.Where(p => ids.Contains(p.Id));
    }

    public static IQueryable<PersonDay> VisibleTo(this IQueryable<PersonDay> days, ViewerScope scope)
    {
        if (scope.SeesEveryone)
        {
            return days;
        }

        var ids = scope.People;
        return days.Where(d => ids.Contains(d.PersonId));
    }

    public static IQueryable<Activity> VisibleTo(this IQueryable<Activity> activities, ViewerScope scope)
    {
        if (scope.SeesEveryone)
        {
            return activities;
        }

        var ids = scope.People;
        return activities.Where(a => ids.Contains(a.PersonId));
    }
}
