using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Directory.ChangePeople;
using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.Directory.GetPerson;
using WorkSights.Application.Directory.UpdatePerson;
using WorkSights.Application.Onboarding.GetWorkspaceStatus;
using WorkSights.Domain.People;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Endpoints;

/// <summary>
/// /api/v1: the workspace and its people (read and changed by administrators, read by API keys that read the directory),
/// scoped to the caller's workspace.
/// </summary>
internal static class WorkspaceApi
{
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").RequireAuthorization(Policies.Workspace);
        api.MapGet("/workspace", GetWorkspaceAsync);
        api.MapGet("/workspaces/{id:guid}", GetWorkspaceByIdAsync);
        var people = api.MapGroup("/people");
        people.MapGet("/", GetPeopleAsync).RequireAuthorization(Policies.PeopleRead);
        people.MapGet("/{id:guid}", GetPersonAsync).RequireAuthorization(Policies.PeopleRead);
        people.MapPut("/{id:guid}", UpdatePersonAsync).RequireAuthorization(Policies.Administration);
        people.MapPost("/changes", ChangePeopleAsync).RequireAuthorization(Policies.Administration);
        return routes;
    }

    private static async Task<Ok<WorkspaceStatusDto>> GetWorkspaceAsync(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetWorkspaceStatusQuery(), cancellationToken));

    private static async Task<Ok<WorkspaceStatusDto>> GetWorkspaceByIdAsync(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetWorkspaceStatusQuery(id), cancellationToken));

    private static async Task<Ok<PagedList<ImportedPersonDto>>> GetPeopleAsync(
        IMediator mediator,
        ProvisioningState? state,
        string? search,
        int? page,
        int? pageSize,
        CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new GetImportedPeopleQuery(state, search, page ?? 1, pageSize ?? 50), cancellationToken);
        return TypedResults.Ok(result.People);
    }

    private static async Task<Ok<ImportedPersonDto>> GetPersonAsync(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPersonQuery(id), cancellationToken));

    /// <summary>Replaces what an administrator sets of a person, under the same rules and audit as their page.</summary>
    private static async Task<Ok<ImportedPersonDto>> UpdatePersonAsync(Guid id, PersonUpdateRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new UpdatePersonCommand(id, request.Position, request.Team, request.ManagerEmail, request.Role, request.HasLoginAccess, request.IsActive), cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetPersonQuery(id), cancellationToken));
    }

    /// <summary>One change for several people at once, as the user directory's bulk change makes it.</summary>
    private static async Task<Ok<PeopleChangedResponse>> ChangePeopleAsync(PeopleChangeRequest request, IMediator mediator, CancellationToken cancellationToken)
    {
        var change = new PeopleChange(request.Kind, request.Role, request.Team, request.ManagerEmail, request.LoginAccess, request.NamedScheduleId);
        return TypedResults.Ok(new PeopleChangedResponse(await mediator.Send(new ChangePeopleCommand(request.PersonIds ?? [], null, change), cancellationToken)));
    }
}

/// <param name="Team">Empty: the directory's department.</param>
/// <param name="ManagerEmail">Empty: the directory's manager.</param>
internal sealed record PersonUpdateRequest(string? Position, string? Team, string? ManagerEmail, PersonRole Role, bool HasLoginAccess, bool IsActive);

/// <param name="PersonIds">The people to change, at most 200 at once.</param>
/// <param name="Kind">What to change: Role, Team, Manager, LoginAccess or Schedule, with the matching value.</param>
internal sealed record PeopleChangeRequest(
    IReadOnlyList<Guid>? PersonIds, PeopleChangeKind Kind, PersonRole? Role = null, string? Team = null, string? ManagerEmail = null, bool? LoginAccess = null, Guid? NamedScheduleId = null);

internal sealed record PeopleChangedResponse(int Changed);
