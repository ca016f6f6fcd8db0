using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>/api/v1/reports/scores without privacy mode: Score Report's figures as JSON, and ProblemDetails for bad input.</summary>
public sealed class ScoresApiTests : FunctionalTest
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;

    private static string Date => ReportingSeed.LastWorkDay().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnswersTheRangesDailyAveragesAndTheDaysPeopleByNameAndId()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        var member = await App.SeedTypicalDayAsync(Fabrikam.TenantId, Fabrikam.MemberEmail, ReportingSeed.LastWorkDay());
        var name = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Where(p => p.Id == member).Select(p => p.DisplayName).SingleAsync());
        var from = ReportingSeed.LastWorkDay().AddDays(-6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await owner.Browser.GetAsync(owner.At($"/api/v1/reports/scores?day={Date}&from={from}&to={Date}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(7, json.RootElement.GetProperty("days").GetArrayLength());
        var row = json.RootElement.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
        Assert.Equal(member, row.GetProperty("personId").GetGuid());
        Assert.Equal(245, row.GetProperty("creditedMinutes").GetDouble());
    }

    [Fact]
    public async Task RoleKeepsThePeopleWithThatJobTitle()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);
        await App.SeedScoresAsync(Fabrikam.TenantId);
        var people = await App.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Select(p => new { p.DisplayName, p.JobTitle }).ToListAsync());
        var role = people.First(p => p.JobTitle is not null).JobTitle!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        async Task<List<string?>> NamesAsync(string query)
        {
            using var json = JsonDocument.Parse(await (await owner.Browser.GetAsync(owner.At($"/api/v1/reports/scores?day={today}&{query}"))).Content.ReadAsStringAsync());
            return [.. json.RootElement.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString())];
        }

        var withRole = await NamesAsync($"role={Uri.EscapeDataString(role)}");
        var nobody = await NamesAsync("role=Astronaut");

        Assert.Equal(people.Where(p => p.JobTitle == role).Select(p => p.DisplayName).Order(), withRole.Order());
        Assert.Empty(nobody);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("page=0")]
    [InlineData("from=2026-03-10&to=2026-03-01")]
    [InlineData("from=2024-01-01&to=2026-03-01")]
    [InlineData("day=yesterday")]
    [InlineData("manager=not-a-guid")]
    public async Task BadInputGetsProblemDetails(string query)
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);

        var response = await owner.Browser.GetAsync(owner.At($"/api/v1/reports/scores?{query}"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
