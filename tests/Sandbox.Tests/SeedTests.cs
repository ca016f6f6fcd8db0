namespace WorkSights.Sandbox.Tests;

public sealed class SeedTests
{
    [Fact]
    public async Task Two_servers_produce_identical_directories()
    {
        await using var a = await SandboxServer.StartAsync(new SandboxOptions());
        await using var b = await SandboxServer.StartAsync(new SandboxOptions());
        foreach (var tenant in SandboxTenants.All)
        {
            var left = a.Directory.GetUsers(tenant.TenantId);
            var right = b.Directory.GetUsers(tenant.TenantId);
            Assert.Equal(left.Count, right.Count);
            for (var i = 0; i < left.Count; i++)
            {
                Assert.Equal(left[i] with { BusinessPhones = [], AssignedLicenseSkuIds = [], DirectoryRoleIds = [] }, right[i] with { BusinessPhones = [], AssignedLicenseSkuIds = [], DirectoryRoleIds = [] });
                Assert.Equal(left[i].BusinessPhones, right[i].BusinessPhones);
                Assert.Equal(left[i].AssignedLicenseSkuIds, right[i].AssignedLicenseSkuIds);
            }
        }

        Assert.NotEqual(a.HttpBaseAddress, b.HttpBaseAddress);
    }

    [Fact]
    public async Task Seeded_tenants_have_the_documented_people()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());
        var contoso = server.Directory.GetUsers(SandboxTenants.Contoso.TenantId);
        Assert.Equal(248, contoso.Count);
        Assert.Equal(12, server.Directory.GetUsers(SandboxTenants.Fabrikam.TenantId).Count);
        var northwind = server.Directory.GetUsers(SandboxTenants.Northwind.TenantId);
        Assert.Equal(20, northwind.Count);
        Assert.DoesNotContain(northwind, u => u.CanGrantAdminConsent);

        foreach (var t in SandboxTenants.All)
        {
            var users = server.Directory.GetUsers(t.TenantId);
            var admin = Assert.Single(users, u => u.Mail == t.AdminEmail);
            Assert.Equal(t.AdminCanGrantConsent, admin.CanGrantAdminConsent);
            var member = Assert.Single(users, u => u.Mail == t.MemberEmail);
            Assert.False(member.CanGrantAdminConsent);
        }

        Assert.Equal(9, contoso.Where(u => u.UserType == "Member" && u.Department is not null && u.Department != "Executive").Select(u => u.Department).Distinct().Count());
        var ceo = Assert.Single(contoso, u => u.UserType == "Member" && u.ManagerId is null && u.Department is not null);
        Assert.Equal("Chief Executive Officer", ceo.JobTitle);
        var byId = contoso.ToDictionary(u => u.Id);
        Assert.All(contoso.Where(u => u.ManagerId is not null), u => Assert.True(byId.ContainsKey(u.ManagerId!)));
        Assert.Single(contoso, u => u.DirectoryRoleIds.Contains(SandboxTenants.PrivilegedRoleAdministratorRoleId));
    }
}
