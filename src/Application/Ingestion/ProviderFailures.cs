using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Onboarding.Consent;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion;

/// <summary>
/// The one answer of every sync that reads Microsoft (a mailbox, a workspace feed, the directory) to the failures they
/// share. Throttled: the sync parks until Microsoft's Retry-After is over and the connection shows the wait. Consent
/// revoked: the workspace stops reading (<see cref="ConsentChanges.Revoke"/>, which audits it) and the connection says
/// why. Unavailable: nothing is recorded on the connection; the next run tries again. A sync catches its own failures
/// before these (a mailbox that does not exist, an audit log that is off, an expired delta link).
/// </summary>
/// <param name="foundBy">The sync, in the audit log's words ("the mailbox sync").</param>
public sealed class ProviderFailures(IApplicationDbContext db, TimeProvider clock, Tenant tenant, string foundBy)
{
    /// <summary>Whether <paramref name="exception"/> is one of the failures answered here; for <c>catch (Exception ex) when (…)</c>.</summary>
    public static bool Answers(Exception exception) => exception is ConsentRevokedException or ProviderUnavailableException;

    /// <summary>
    /// For a sync of the connected service: a throttled read parks the sync's checkpoint through <paramref name="park"/>
    /// and the service until the same time; a revocation is recorded on the service as its error. Saves what changed.
    /// </summary>
    public Task<ProviderFailure> ApplyAsync(Exception exception, ConnectedService service, Func<DateTimeOffset, Task> park, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(park);
        return ApplyAsync(exception, service, park, record: null, cancellationToken);
    }

    /// <summary>
    /// For a sync that keeps a state of its own instead of the connected service's (the directory): every failure is
    /// handed to <paramref name="record"/> after the common steps, and saved.
    /// </summary>
    public Task<ProviderFailure> ApplyAsync(Exception exception, Action<ProviderFailure> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ApplyAsync(exception, service: null, park: null, record, cancellationToken);
    }

    private async Task<ProviderFailure> ApplyAsync(
        Exception exception, ConnectedService? service, Func<DateTimeOffset, Task>? park, Action<ProviderFailure>? record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var now = clock.GetUtcNow();
        var failure = ProviderFailure.Of(exception, now)
            ?? throw new ArgumentException($"{exception.GetType().Name} is not a failure every sync shares.", nameof(exception));
        var changed = false;
        switch (failure.Kind)
        {
            case ProviderFailureKind.Throttled:
                var until = failure.NotBefore!.Value;
                if (park is not null)
                {
                    await park(until);
                    changed = true;
                }

                if (service is not null)
                {
                    service.Throttled(until);
                    changed = true;
                }

                break;
            case ProviderFailureKind.ConsentRevoked:
                ConsentChanges.Revoke(db, tenant, foundBy, now);
                service?.RecordError(failure.StatusMessage, now);
                changed = true;
                break;
        }

        if (record is not null)
        {
            record(failure);
            changed = true;
        }

        if (changed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return failure;
    }
}
