using Mediator;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Scores;

namespace WorkSights.Application.Scores.GetCreditingTable;

public sealed class GetCreditingTableQueryHandler(IApplicationDbContext db) : IQueryHandler<GetCreditingTableQuery, CreditingTableDto>
{
    public async ValueTask<CreditingTableDto> Handle(GetCreditingTableQuery query, CancellationToken cancellationToken)
    {
        var table = await WorkspaceCreditingTable.ReadAsync(db, cancellationToken);
        return new CreditingTableDto(
            (int)table.SentEmail.TotalMinutes,
            (int)table.CalendarResponse.TotalMinutes,
            (int)table.ChatMessage.TotalMinutes,
            (int)table.FileAction.TotalMinutes,
            (int)table.SignIn.TotalMinutes,
            (int)table.MaximumScored.TotalHours,
            table.ModelVersion,
            table == CreditingTable.Default);
    }
}
