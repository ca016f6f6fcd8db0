using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Security;

/// <summary>
/// Issue 12's cross-tenant test: the ids of every row workspace B owns — found through the EF model, so a new table is
/// covered without a change here — put by workspace A's Owner into every route parameter (404) and into every post's
/// likely id fields with a valid antiforgery token; afterwards no row of B has changed.
/// </summary>
public sealed partial class CrossTenantTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Contoso = SandboxTenants.Contoso;
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    /// <summary>Form fields a post might take an id from, whether or not it binds them.</summary>
    private static readonly string[] IdFields =
        ["id", "Id", "person", "personId", "PersonId", "activityId", "ActivityId", "tenantId", "TenantId", "selected", "Selected", "ids", "Ids", "target", "TargetPersonId", "Input.PersonId", "Input.TenantId"];

    /// <summary>Posts that would end A's session or workspace: they cannot reach B's rows either way, and would stop the test.</summary>
    private static bool EndsTheSession(AppRoute route) =>
        route.Template == "/Logout" || route.Handler is "Disconnect" || (route.Template, route.Handler) is ("/Settings/WorkspaceData", "Delete");

    [Fact]
    public async Task NoIdOfAnotherWorkspaceIsFoundOrChangedThroughAnyRoute()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Contoso.AdminEmail);
        var other = NewBrowser();
        await other.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var day = ReportingSeed.LastWorkDay();
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.AdminEmail, day);
        await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, day);
        await App.SeedTypicalDayAsync(Contoso.TenantId, Contoso.AdminEmail, day);

        var before = await RowsOfAsync(Fabrikam.TenantId);
        var ids = IdsIn(before);
        Assert.True(ids.Count >= 5, $"only {ids.Count} ids of the other workspace");
        var token = await owner.AntiforgeryTokenAsync("/Settings/Services");
        var routes = await AppRoute.DiscoverAsync(App);
        var failures = new List<string>();

        foreach (var route in routes.Where(r => r.HasParameters && r.Method == "GET" && !r.Template.StartsWith("/Error", StringComparison.Ordinal)))
        {
            foreach (var id in ids)
            {
                var path = route.PathWith(_ => id);
                using var response = await owner.Browser.GetAsync(owner.At(path));
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"GET {path} answered {(int)response.StatusCode}");
                }
            }
        }

        foreach (var route in routes.Where(r => r.Method == "POST" && !EndsTheSession(r)))
        {
            foreach (var id in ids)
            {
                var form = IdFields.Select(f => new KeyValuePair<string, string>(f, id)).Append(new("__RequestVerificationToken", token));
                var path = route.PathWith(_ => id);
                using var response = await owner.Browser.SendAsync(HttpMethod.Post, owner.At(path), form);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"POST {path} answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(30).Prepend($"{failures.Count} failures:")));
        Assert.Equal(before, await RowsOfAsync(Fabrikam.TenantId));
        Assert.Equal(HttpStatusCode.OK, (await owner.Browser.GetAsync(owner.At("/api/v1/workspace"))).StatusCode);
    }

    /// <summary>Up to three ids of each table of the other workspace, its people's first.</summary>
    private static List<string> IdsIn(IReadOnlyList<string> rows) =>
        [.. rows
            .Select(row => (Table: row[..row.IndexOf(':', StringComparison.Ordinal)], Ids: GuidPattern().Matches(row).Select(m => m.Value)))
            .SelectMany(r => r.Ids.Select(id => (r.Table, Id: id)))
            .DistinctBy(r => r.Id, StringComparer.OrdinalIgnoreCase)
            .GroupBy(r => r.Table, StringComparer.Ordinal)
            .SelectMany(g => g.Take(3))
            .OrderBy(r => r.Table != "People")
            .Select(r => r.Id.ToLowerInvariant())];

    /// <summary>Every row the workspace owns, in every table of the EF model that has a TenantId (and its Tenants row), as text.</summary>
    private Task<List<string>> RowsOfAsync(string externalTenantId) =>
        App.InWorkspaceAsync(externalTenantId, async db =>
        {
            var tenantId = (await db.Tenants.AsNoTracking().SingleAsync(t => t.ExternalTenantId == externalTenantId.ToLowerInvariant())).Id;
            var tables = db.Model.GetEntityTypes()
                .Where(e => e.GetTableName() is not null && e.FindProperty("TenantId") is not null)
                .Select(e => (Table: e.GetTableName()!, Column: "TenantId"))
                .Append((Table: "Tenants", Column: "Id"))
                .Distinct()
                .OrderBy(t => t.Table, StringComparer.Ordinal)
                .ToList();
            Assert.Contains(tables, t => t.Table == "Activities");
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var rows = new List<string>();
            foreach (var (table, column) in tables)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" WHERE upper(\"{column}\") = $tenant";
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$tenant";
                parameter.Value = tenantId.ToString().ToUpperInvariant();
                command.Parameters.Add(parameter);
                await using var reader = await command.ExecuteReaderAsync();
                var ofTable = new List<string>();
                while (await reader.ReadAsync())
                {
                    ofTable.Add($"{table}: {RowText(reader)}");
                }

                rows.AddRange(ofTable.Order(StringComparer.Ordinal));
            }

            Assert.Contains(rows, r => r.StartsWith("Activities:", StringComparison.Ordinal));
            return rows;
        });

    private static string RowText(DbDataReader reader)
    {
        var text = new StringBuilder();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            text.Append(reader.GetName(i)).Append('=').Append(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append(';');
        }

        return text.ToString();
    }


    [GeneratedRegex("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")]
    private static partial Regex GuidPattern();
}
