using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>One person's score for one day in their own time zone, produced by one version of the score model.</summary>
public sealed class Score : ITenantOwned
{
    private Score()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateOnly Day { get; private set; }

    public int Value { get; private set; }

    public bool IsWorkDay { get; private set; }

    public TimeSpan CreditedTime { get; private set; }

    public int ModelVersion { get; private set; }

    public ScoreBand Band => BandOf(Value, IsWorkDay);

    /// <summary>Credited time ÷ daily target × 100, rounded half away from zero; a day without target is a non-work day.</summary>
    public static Score Compute(Guid tenantId, Guid personId, DateOnly day, TimeSpan credited, TimeSpan dailyTarget, int modelVersion)
    {
        if (tenantId == Guid.Empty || personId == Guid.Empty)
        {
            throw new DomainRuleViolationException("A score belongs to one person of one workspace.");
        }

        if (credited < TimeSpan.Zero || credited > TimeSpan.FromHours(24))
        {
            throw new DomainRuleViolationException("A day holds between 0 and 24 hours of credited activity.");
        }

        if (dailyTarget < TimeSpan.Zero)
        {
            throw new DomainRuleViolationException("A daily target cannot be negative.");
        }

        if (modelVersion < 1)
        {
            throw new DomainRuleViolationException("A score names the model version that produced it.");
        }

        var isWorkDay = dailyTarget > TimeSpan.Zero;
        return new Score
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            PersonId = personId,
            Day = day,
            CreditedTime = credited,
            IsWorkDay = isWorkDay,
            Value = isWorkDay ? (int)Math.Round(credited / dailyTarget * 100, MidpointRounding.AwayFromZero) : 0,
            ModelVersion = modelVersion,
        };
    }

    public static ScoreBand BandOf(int value, bool isWorkDay = true)
    {
        if (value < 0)
        {
            throw new DomainRuleViolationException("A score cannot be negative.");
        }

        return !isWorkDay ? ScoreBand.NonWorkDay : value switch
        {
            <= 30 => ScoreBand.Red,
            <= 70 => ScoreBand.Yellow,
            <= 100 => ScoreBand.Green,
            <= 130 => ScoreBand.Blue,
            _ => ScoreBand.Purple,
        };
    }
}
