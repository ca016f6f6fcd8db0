using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace WorkSights.Application;

public static class DependencyInjection
{
    /// <summary>Validators and the clock. The mediator itself is generated in, and registered by, the host.</summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining(typeof(DependencyInjection), includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
