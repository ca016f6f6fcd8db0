using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Domain.People;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests;

/// <summary>A fresh WorkSights with its own database and sandbox for every test.</summary>
public abstract class FunctionalTest : IAsyncLifetime
{
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly List<SignUpJourney> journeys = [];

    protected FunctionalTest()
        : this(new WorkSightsApp())
    {
    }

    /// <param name="app">An app configured for the test, such as one on a fake clock.</param>
    protected FunctionalTest(WorkSightsApp app) => App = app;

    protected WorkSightsApp App { get; }

    public virtual Task InitializeAsync() => App.InitializeAsync();

    public async Task DisposeAsync()
    {
        journeys.ForEach(j => j.Dispose());
        await ((IAsyncLifetime)App).DisposeAsync();
    }

    /// <summary>A new browser: its own cookies.</summary>
    protected SignUpJourney NewBrowser()
    {
        var journey = new SignUpJourney(App);
        journeys.Add(journey);
        return journey;
    }

    /// <summary>A new browser signed in as a person of the workspace, given login access and the role first.</summary>
    protected async Task<SignUpJourney> SignInWithRoleAsync(string externalTenantId, string email, PersonRole role)
    {
        await App.ChangePersonAsync(externalTenantId, email, p =>
        {
            p.GrantLoginAccess();
            p.AssignRole(role);
        });
        var browser = NewBrowser();
        await browser.LogInAsync(email);
        return browser;
    }

    protected static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    protected async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    protected async Task<TResponse> SendCommandAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
    }
}
