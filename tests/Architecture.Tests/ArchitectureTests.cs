using System.Reflection;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Architecture.Tests.Fakes;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Sandbox;

namespace WorkSights.Architecture.Tests;

public sealed class ArchitectureTests
{
    private static readonly Assembly DomainAssembly = typeof(Tenant).Assembly;
    private static readonly Assembly ApplicationAssembly = typeof(IApplicationDbContext).Assembly;
    private static readonly Assembly InfrastructureAssembly = typeof(ApplicationDbContext).Assembly;
    private static readonly Assembly WebAssembly = typeof(Program).Assembly;
    private static readonly Assembly SandboxAssembly = typeof(SandboxServer).Assembly;

    private static readonly Assembly[] Product = [DomainAssembly, ApplicationAssembly, InfrastructureAssembly, WebAssembly, SandboxAssembly];

    /// <summary>This assembly, which holds deliberately violating types.</summary>
    private static readonly Assembly[] Violations = [typeof(ArchitectureTests).Assembly];

    private static void AssertPasses(RuleResult result)
    {
        Assert.NotEmpty(result.Selected);
        Assert.True(result.IsSuccessful, result.ToString());
    }

    private static void AssertReports(RuleResult result, params Type[] offenders)
    {
        Assert.False(result.IsSuccessful, "the rule should have reported a violation");
        foreach (var offender in offenders)
        {
            Assert.Contains(offender.FullName, result.Failing);
        }
    }

    private static void AssertDoesNotReport(RuleResult result, params Type[] compliant)
    {
        foreach (var type in compliant)
        {
            Assert.Contains(type.FullName, result.Selected);
            Assert.DoesNotContain(type.FullName, result.Failing);
        }
    }

    [Fact]
    public void DomainDependsOnlyOnTheBaseClassLibrary() =>
        AssertPasses(ArchitectureRules.DomainDependsOnlyOnTheBaseClassLibrary(Product));

    [Fact]
    public void DomainRuleReportsTypesUsingEfCoreApplicationOrPackages() =>
        AssertReports(
            ArchitectureRules.DomainDependsOnlyOnTheBaseClassLibrary(Violations),
            typeof(Domain.Fake.EntitySavingItself),
            typeof(Domain.Fake.DomainUsingApplication),
            typeof(Domain.Fake.DomainUsingNodaTime));

    [Fact]
    public void DomainDoesNotDependOnFrameworksOrOuterLayers() =>
        AssertPasses(ArchitectureRules.DomainDoesNotDependOnFrameworksOrOuterLayers(Product));

    [Fact]
    public void DomainFrameworkRuleReportsTypesUsingEfCoreOrApplication()
    {
        var result = ArchitectureRules.DomainDoesNotDependOnFrameworksOrOuterLayers(Violations);

        AssertReports(result, typeof(Domain.Fake.EntitySavingItself), typeof(Domain.Fake.DomainUsingApplication), typeof(Domain.Fake.DomainUsingNodaTime));
        AssertDoesNotReport(result, typeof(Domain.Fake.WellBehavedEntity));
    }

    [Fact]
    public void ApplicationDoesNotDependOnInfrastructureWebOrSandbox() =>
        AssertPasses(ArchitectureRules.ApplicationDoesNotDependOnOuterLayers(Product));

    [Fact]
    public void ApplicationRuleReportsTypeUsingInfrastructure() =>
        AssertReports(ArchitectureRules.ApplicationDoesNotDependOnOuterLayers(Violations), typeof(Application.Fake.HandlerUsingInfrastructure));

    [Fact]
    public void InfrastructureDoesNotDependOnWebOrSandbox() =>
        AssertPasses(ArchitectureRules.InfrastructureDoesNotDependOnWebOrSandbox(Product));

    [Fact]
    public void InfrastructureRuleReportsTypesUsingWebOrSandbox() =>
        AssertReports(
            ArchitectureRules.InfrastructureDoesNotDependOnWebOrSandbox(Violations),
            typeof(Infrastructure.Fake.AdapterUsingWeb),
            typeof(Infrastructure.Fake.AdapterUsingSandbox));

    [Fact]
    public void SandboxDependsOnNothingOfOurs() =>
        AssertPasses(ArchitectureRules.SandboxDependsOnNothingOfOurs(Product));

    [Fact]
    public void SandboxRuleReportsTypeUsingDomain() =>
        AssertReports(ArchitectureRules.SandboxDependsOnNothingOfOurs(Violations), typeof(Sandbox.Fake.EmulatorUsingDomain));

    [Fact]
    public void HandlersEndWithHandlerAndAreSealed() =>
        AssertPasses(ArchitectureRules.HandlersEndWithHandlerAndAreSealed(Product));

    [Fact]
    public void HandlerRuleReportsBadlyNamedAndUnsealedHandlers()
    {
        var result = ArchitectureRules.HandlersEndWithHandlerAndAreSealed(Violations);

        AssertReports(result, typeof(BadlyNamedCommandProcessor), typeof(UnsealedFakeUnitCommandHandler));
        AssertDoesNotReport(result, typeof(FakeQueryHandler));
    }

    [Fact]
    public void CommandsEndWithCommand() =>
        AssertPasses(ArchitectureRules.CommandsEndWithCommand(Product));

    [Fact]
    public void CommandRuleReportsBadlyNamedCommands()
    {
        var result = ArchitectureRules.CommandsEndWithCommand(Violations);

        AssertReports(result, typeof(DoSomethingRequest), typeof(PurgeEverything));
        AssertDoesNotReport(result, typeof(FakeCommand), typeof(FakeUnitCommand));
    }

    [Fact]
    public void QueriesEndWithQuery() =>
        AssertPasses(ArchitectureRules.QueriesEndWithQuery(Product));

    [Fact]
    public void QueryRuleReportsBadlyNamedQuery()
    {
        var result = ArchitectureRules.QueriesEndWithQuery(Violations);

        AssertReports(result, typeof(FindThings));
        AssertDoesNotReport(result, typeof(FakeQuery));
    }

    [Fact]
    public void ValidatorsEndWithValidator() =>
        AssertPasses(ArchitectureRules.ValidatorsEndWithValidator(Product));

    [Fact]
    public void ValidatorRuleReportsBadlyNamedValidator()
    {
        var result = ArchitectureRules.ValidatorsEndWithValidator(Violations);

        AssertReports(result, typeof(FakeCommandRules));
        AssertDoesNotReport(result, typeof(FakeCommandValidator));
    }

    [Fact]
    public void DomainEntitiesHaveNoPublicSetters() =>
        AssertPasses(ArchitectureRules.DomainEntitiesHaveNoPublicSetters(Product));

    [Fact]
    public void EntityRuleReportsPublicAndInitSetters()
    {
        var result = ArchitectureRules.DomainEntitiesHaveNoPublicSetters(Violations);

        AssertReports(result, typeof(Domain.Fake.EntityWithPublicSetter), typeof(Domain.Fake.EntityWithInitSetter));
        AssertDoesNotReport(result, typeof(Domain.Fake.WellBehavedEntity), typeof(Domain.Fake.ValueWithInit));
    }

    [Fact]
    public void RequestsDeclareOneAccessRule() =>
        AssertPasses(ArchitectureRules.RequestsDeclareOneAccessRule(Product));

    [Fact]
    public void AccessRuleRuleReportsRequestsWithNoneOrTwo()
    {
        var result = ArchitectureRules.RequestsDeclareOneAccessRule(Violations);

        AssertReports(result, typeof(UnguardedCommand), typeof(DoublyGuardedQuery));
        AssertDoesNotReport(result, typeof(FakeCommand), typeof(FakeQuery));
    }
}
