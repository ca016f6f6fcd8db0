using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.Directory.GetPerson;
using WorkSights.Application.Onboarding.GetWorkspaceStatus;
using WorkSights.Domain.People;
using WorkSights.Web.Authentication;

namespace WorkSights.Web.Endpoints;

/// <summary>/api/v1: the workspace and its people, scoped to the caller's workspace.</summary>
internal static class WorkspaceApi
{
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").RequireAuthorization(Policies.Workspace);
        api.MapGet("/workspace", GetWorkspaceAsync);
        api.MapGet("/workspaces/{id:guid}", GetWorkspaceByIdAsync);
        var people = api.MapGroup("/people").RequireAuthorization(Policies.Administration);
        people.MapGet("/", GetPeopleAsync);
        people.MapGet("/{id:guid}", GetPersonAsync);
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
}
