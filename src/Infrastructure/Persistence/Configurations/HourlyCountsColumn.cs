using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkSights.Domain.Scores;

namespace WorkSights.Infrastructure.Persistence.Configurations;

/// <summary>Hourly counts in one text column: 24 numbers separated by commas (a group's counts can run to five digits).</summary>
internal static class HourlyCountsColumn
{
    public static PropertyBuilder<HourlyCounts> AsHourlyCounts(this PropertyBuilder<HourlyCounts> property) =>
        property
            .HasConversion(counts => counts.ToString(), stored => HourlyCounts.Parse(stored))
            .HasMaxLength(200)
            .IsRequired();
}
