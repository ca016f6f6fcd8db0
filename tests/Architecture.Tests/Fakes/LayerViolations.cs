using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.Fake
{
    /// <summary>Breaks the Application rule on purpose: it uses the Infrastructure's DbContext.</summary>
    public static class HandlerUsingInfrastructure
    {
        public static int CountPeople(ApplicationDbContext db) => db.People.Count();
    }
}

namespace WorkSights.Web.Fake
{
    /// <summary>Stands in for a Web type, so the Infrastructure fake has something of the Web layer to use.</summary>
    public sealed class PageModelMarker
    {
        public string Title { get; } = "Home";
    }
}

namespace WorkSights.Infrastructure.Fake
{
    /// <summary>Breaks the Infrastructure rule on purpose: it uses a Web type.</summary>
    public static class AdapterUsingWeb
    {
        public static string TitleOf(Web.Fake.PageModelMarker page) => page.Title;
    }

    /// <summary>Breaks the Infrastructure rule on purpose: it uses the Sandbox.</summary>
    public static class AdapterUsingSandbox
    {
        public static void ExpireTokens(Sandbox.SandboxFaults faults) => faults.ExpireAllDeltaTokens();
    }
}

namespace WorkSights.Sandbox.Fake
{
    /// <summary>Breaks the Sandbox rule on purpose: the emulated outside world knows our Domain.</summary>
    public static class EmulatorUsingDomain
    {
        public static string NameOf(Domain.Tenants.Tenant tenant) => tenant.Name;
    }
}
