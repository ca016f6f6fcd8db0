using NodaTime;

namespace WorkSights.Application.Reporting.GetActivityStream;

/// <param name="Next">Where the next page starts; null when this page reached the end of the day.</param>
public sealed record ActivityStreamDto(LocalDate Day, IReadOnlyList<StreamItemDto> Items, StreamCursor? Next);
