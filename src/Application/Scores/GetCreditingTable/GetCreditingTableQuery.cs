using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Scores.GetCreditingTable;

/// <summary>The workspace's crediting table: its own, or the defaults.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record GetCreditingTableQuery : IQuery<CreditingTableDto>;

/// <param name="IsDefault">The table in force is PRODUCT.md's default one.</param>
public sealed record CreditingTableDto(
    int SentEmailMinutes,
    int CalendarResponseMinutes,
    int ChatMessageMinutes,
    int FileActionMinutes,
    int SignInMinutes,
    int MaximumScoredHours,
    string ModelVersion,
    bool IsDefault);
