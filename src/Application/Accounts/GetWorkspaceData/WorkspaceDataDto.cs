using WorkSights.Application.Accounts.DataExports;

namespace WorkSights.Application.Accounts.GetWorkspaceData;

public sealed record WorkspaceDataDto(string WorkspaceName, IReadOnlyList<ExportFileCount> ExportFiles, IReadOnlyList<ErasureRequestDto> ErasureRequests);

public sealed record ErasureRequestDto(Guid PersonId, string Name, string Email, DateTimeOffset RequestedAt);
