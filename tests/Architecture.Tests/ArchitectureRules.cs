using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using Mediator;
using Mono.Cecil;
using NetArchTest.Rules;
using WorkSights.Application.Common.Security;

namespace WorkSights.Architecture.Tests;

/// <summary>What a rule looked at and which types broke it.</summary>
public sealed record RuleResult(IReadOnlyList<string> Selected, IReadOnlyList<string> Failing)
{
    public bool IsSuccessful => Failing.Count == 0;

    public override string ToString() => $"{Selected.Count} types checked; failing: {string.Join(", ", Failing)}";
}

/// <summary>
/// The architecture rules, each applied to whatever assemblies it is given, so that the same rule runs against the
/// product (where it must pass) and against deliberately violating types of this test assembly (where it must fail).
/// </summary>
public static class ArchitectureRules
{
    public const string DomainNamespace = "WorkSights.Domain";
    public const string ApplicationNamespace = "WorkSights.Application";
    public const string InfrastructureNamespace = "WorkSights.Infrastructure";
    public const string WebNamespace = "WorkSights.Web";
    public const string SandboxNamespace = "WorkSights.Sandbox";

    /// <summary>The Domain depends on the base class library and itself, nothing else.</summary>
    public static RuleResult DomainDependsOnlyOnTheBaseClassLibrary(IEnumerable<Assembly> assemblies) =>
        Evaluate(Types.InAssemblies(assemblies).That().ResideInNamespaceMatching(Under(DomainNamespace))
            .ShouldNot().HaveDependencyOtherThan("System", DomainNamespace));

    /// <summary>An explicit list on top of the allow-list, naming what the Domain must never see.</summary>
    public static RuleResult DomainDoesNotDependOnFrameworksOrOuterLayers(IEnumerable<Assembly> assemblies) =>
        LayerDoesNotDependOn(
            assemblies,
            DomainNamespace,
            ApplicationNamespace,
            InfrastructureNamespace,
            WebNamespace,
            SandboxNamespace,
            "Microsoft.EntityFrameworkCore",
            "Microsoft.AspNetCore",
            "Microsoft.Extensions",
            "Microsoft.Graph",
            "Microsoft.Identity",
            "Mediator",
            "FluentValidation",
            "Riok.Mapperly",
            "NodaTime",
            "Scrutor");

    public static RuleResult ApplicationDoesNotDependOnOuterLayers(IEnumerable<Assembly> assemblies) =>
        LayerDoesNotDependOn(assemblies, ApplicationNamespace, InfrastructureNamespace, WebNamespace, SandboxNamespace);

    public static RuleResult InfrastructureDoesNotDependOnWebOrSandbox(IEnumerable<Assembly> assemblies) =>
        LayerDoesNotDependOn(assemblies, InfrastructureNamespace, WebNamespace, SandboxNamespace);

    public static RuleResult SandboxDependsOnNothingOfOurs(IEnumerable<Assembly> assemblies) =>
        LayerDoesNotDependOn(assemblies, SandboxNamespace, DomainNamespace, ApplicationNamespace, InfrastructureNamespace, WebNamespace);

    public static RuleResult HandlersEndWithHandlerAndAreSealed(IEnumerable<Assembly> assemblies)
    {
        var list = assemblies.ToList();
        var handlers = Implementing(list, typeof(ICommandHandler<>), typeof(ICommandHandler<,>), typeof(IQueryHandler<,>), typeof(IRequestHandler<>), typeof(IRequestHandler<,>));
        return Evaluate(Types.InAssemblies(list).That().AreOfType(handlers).Should().HaveNameEndingWith("Handler").And().BeSealed(), handlers);
    }

    public static RuleResult CommandsEndWithCommand(IEnumerable<Assembly> assemblies)
    {
        var list = assemblies.ToList();
        var commands = Implementing(list, typeof(ICommand), typeof(ICommand<>));
        return Evaluate(Types.InAssemblies(list).That().AreOfType(commands).Should().HaveNameEndingWith("Command"), commands);
    }

    public static RuleResult QueriesEndWithQuery(IEnumerable<Assembly> assemblies)
    {
        var list = assemblies.ToList();
        var queries = Implementing(list, typeof(IQuery<>));
        return Evaluate(Types.InAssemblies(list).That().AreOfType(queries).Should().HaveNameEndingWith("Query"), queries);
    }

    public static RuleResult ValidatorsEndWithValidator(IEnumerable<Assembly> assemblies)
    {
        var list = assemblies.ToList();
        var validators = Implementing(list, typeof(IValidator<>));
        return Evaluate(Types.InAssemblies(list).That().AreOfType(validators).Should().HaveNameEndingWith("Validator"), validators);
    }

    /// <summary>Every request (command or query) declares exactly one access rule for the authorization behaviour.</summary>
    public static RuleResult RequestsDeclareOneAccessRule(IEnumerable<Assembly> assemblies)
    {
        var list = assemblies.ToList();
        var requests = Implementing(list, typeof(ICommand), typeof(ICommand<>), typeof(IQuery<>), typeof(IRequest), typeof(IRequest<>));
        var failing = requests
            .Where(t => t.GetCustomAttributes(inherit: true).OfType<IAccessRule>().Count() != 1)
            .Select(t => t.FullName!)
            .ToList();
        return new RuleResult([.. requests.Select(t => t.FullName!)], failing);
    }

    /// <summary>Entities (the Domain's non-record classes) change only through their own methods.</summary>
    public static RuleResult DomainEntitiesHaveNoPublicSetters(IEnumerable<Assembly> assemblies) =>
        Evaluate(Types.InAssemblies(assemblies).That().ResideInNamespaceMatching(Under(DomainNamespace))
            .And().AreClasses()
            .Should().MeetCustomRule(type => IsRecord(type) || HasNoPublicSetters(type)));

    private static RuleResult LayerDoesNotDependOn(IEnumerable<Assembly> assemblies, string layer, params string[] forbidden) =>
        Evaluate(Types.InAssemblies(assemblies).That().ResideInNamespaceMatching(Under(layer)).ShouldNot().HaveDependencyOnAny(forbidden));

    /// <summary>A pattern for the namespace and everything under it.</summary>
    private static string Under(string rootNamespace) => $"^{Regex.Escape(rootNamespace)}(\\.|$)";

    /// <summary>Records are values, not entities: the compiler gives them a clone method.</summary>
    private static bool IsRecord(TypeDefinition type) => type.Methods.Any(m => m.Name == "<Clone>$");

    private static bool HasNoPublicSetters(TypeDefinition type) =>
        type.Properties.All(p => p.SetMethod is null || !p.SetMethod.IsPublic)
        && type.Fields.All(f => !f.IsPublic || f.IsInitOnly || f.IsLiteral);

    private static Type[] Implementing(IEnumerable<Assembly> assemblies, params Type[] interfaces) =>
        assemblies.SelectMany(LoadableTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false } || t.IsValueType)
            .Where(t => t.GetInterfaces().Any(i => interfaces.Contains(i.IsGenericType ? i.GetGenericTypeDefinition() : i)))
            .ToArray();

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }

    private static RuleResult Evaluate(ConditionList conditions, IReadOnlyCollection<Type>? expectedSelection = null)
    {
        var result = conditions.GetResult();
        var selected = result.SelectedTypesForTesting.Select(t => t.FullName).ToList();
        var failing = result.FailingTypes.Select(t => t.FullName).ToList();
        if (expectedSelection is not null && selected.Count != expectedSelection.Count)
        {
            throw new InvalidOperationException($"The rule selected {selected.Count} types where {expectedSelection.Count} were meant.");
        }

        return new RuleResult(selected, failing);
    }
}
