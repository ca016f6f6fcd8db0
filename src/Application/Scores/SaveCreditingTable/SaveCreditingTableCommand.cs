using Mediator;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Scores.SaveCreditingTable;

/// <summary>An Owner sets how long each kind of item is credited for the workspace; every day is then recomputed.</summary>
[RequiresRole(PersonRole.Owner)]
public sealed record SaveCreditingTableCommand(
    int SentEmailMinutes,
    int CalendarResponseMinutes,
    int ChatMessageMinutes,
    int FileActionMinutes,
    int SignInMinutes,
    int MaximumScoredHours) : ICommand<CreditingTableSaved>
{
    public CreditingTable ToTable() => new(
        TimeSpan.FromMinutes(SentEmailMinutes),
        TimeSpan.FromMinutes(CalendarResponseMinutes),
        TimeSpan.FromMinutes(ChatMessageMinutes),
        TimeSpan.FromMinutes(FileActionMinutes),
        TimeSpan.FromMinutes(SignInMinutes),
        TimeSpan.FromHours(MaximumScoredHours));
}
