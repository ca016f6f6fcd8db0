using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Jobs;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Tests.Shared;

/// <summary>The app's own database, read or changed directly where a test needs a state no page makes yet.</summary>
public static class WorkspaceDatabase
{
    /// <summary>The workspace of an organisation, as stored.</summary>
    public static async Task<Tenant> WorkspaceAsync(this WorkSightsApp app, string externalTenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Tenants.AsNoTracking()
            .SingleAsync(t => t.ExternalTenantId == externalTenantId.ToLowerInvariant());
    }

    /// <summary>Erases every deleted workspace's rows now, as the erasure job does in the background.</summary>
    public static Task<int> EraseDeletedWorkspacesAsync(this WorkSightsApp app) =>
        app.Services.GetRequiredService<WorkspaceErasureWorker>().RunOnceAsync(CancellationToken.None);

    /// <summary>Runs <paramref name="use"/> as that organisation's workspace, then saves what it changed.</summary>
    public static async Task<T> InWorkspaceAsync<T>(this WorkSightsApp app, string externalTenantId, Func<ApplicationDbContext, Task<T>> use)
    {
        var workspace = await app.WorkspaceAsync(externalTenantId);
        await using var scope = app.Services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<ITenantContext>().BeginScope(workspace.Id);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var result = await use(db);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>Changes one person of the workspace through the domain's own methods, as the people settings will.</summary>
    public static Task ChangePersonAsync(this WorkSightsApp app, string externalTenantId, string email, Action<Person> change) =>
        app.InWorkspaceAsync(externalTenantId, async db =>
        {
            change(await db.People.SingleAsync(p => p.Email == email.ToLowerInvariant()));
            return true;
        });
}
