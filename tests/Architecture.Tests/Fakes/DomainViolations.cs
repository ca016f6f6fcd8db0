using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;

namespace WorkSights.Domain.Fake;

/// <summary>Breaks the Domain rules on purpose: it knows EF Core.</summary>
public static class EntitySavingItself
{
    public static int SaveWith(DbContext context) => context.SaveChanges();
}

/// <summary>Breaks the Domain rules on purpose: it reaches into the Application layer.</summary>
public static class DomainUsingApplication
{
    public static Exception Missing() => new NotFoundException("Thing");
}

/// <summary>Breaks the "base class library only" rule on purpose with a package the Application may use.</summary>
public static class DomainUsingNodaTime
{
    public static string Today() => NodaTime.SystemClock.Instance.GetCurrentInstant().ToString();
}

/// <summary>Breaks the entity rule on purpose: anyone may set its name.</summary>
public sealed class EntityWithPublicSetter
{
    public string Name { get; set; } = string.Empty;
}

/// <summary>Breaks the entity rule on purpose: init is a public setter too.</summary>
public sealed class EntityWithInitSetter
{
    public string Name { get; init; } = string.Empty;
}

/// <summary>Keeps the entity rule: private setter, changed through a method.</summary>
public sealed class WellBehavedEntity
{
    public string Name { get; private set; } = string.Empty;

    public void Rename(string name) => Name = name;
}

/// <summary>Records are values, which the entity rule leaves alone.</summary>
public sealed record ValueWithInit(string Name);
