using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>SQLite cannot order or compare DateTimeOffset text; store UTC ticks instead.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
