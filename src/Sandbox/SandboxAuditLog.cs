namespace WorkSights.Sandbox;

/// <summary>A subscription to one audit content type: "enabled", or "disabled" once stopped or when audit logging went off.</summary>
public sealed record SandboxAuditSubscription(string ContentType, string Status, DateTimeOffset EnabledSince);

/// <summary>
/// Per-tenant unified audit logging and Management Activity API subscriptions (thread-safe; each server has its own).
/// Content is only produced while a subscription is enabled: blobs created before it was started, or while it was
/// stopped or audit logging was off, never exist.
/// </summary>
public sealed class SandboxAuditLog
{
    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private readonly HashSet<string> loggingOff = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Tenant, string ContentType), List<Interval>> subscriptions = [];

    internal SandboxAuditLog(TimeProvider clock, IEnumerable<string> tenantsWithLoggingOff)
    {
        this.clock = clock;
        loggingOff.UnionWith(tenantsWithLoggingOff);
    }

    /// <summary>Called after every change, outside the lock (the state file saves then).</summary>
    internal Action? Changed { get; set; }

    internal enum StartOutcome
    {
        Started,
        AlreadyEnabled,
        LoggingOff,
    }

    internal enum SubscriptionState
    {
        None,
        Enabled,
        Disabled,
    }

    public bool IsEnabled(string tenantId)
    {
        lock (gate)
        {
            return !loggingOff.Contains(tenantId);
        }
    }

    /// <summary>Turns the tenant's unified audit logging on or off; turning it off disables every subscription (they must be started again).</summary>
    public void SetEnabled(string tenantId, bool enabled)
    {
        lock (gate)
        {
            if (enabled)
            {
                loggingOff.Remove(tenantId);
            }
            else
            {
                loggingOff.Add(tenantId);
                var now = clock.GetUtcNow();
                foreach (var ((tenant, _), intervals) in subscriptions)
                {
                    if (string.Equals(tenant, tenantId, StringComparison.OrdinalIgnoreCase) && intervals[^1].To is null)
                    {
                        intervals[^1] = intervals[^1] with { To = now };
                    }
                }
            }
        }

        Changed?.Invoke();
    }

    public IReadOnlyList<SandboxAuditSubscription> Subscriptions(string tenantId)
    {
        lock (gate)
        {
            return [.. subscriptions
                .Where(s => string.Equals(s.Key.Tenant, tenantId, StringComparison.OrdinalIgnoreCase))
                .OrderBy(s => s.Key.ContentType, StringComparer.Ordinal)
                .Select(s => new SandboxAuditSubscription(s.Key.ContentType, s.Value[^1].To is null ? "enabled" : "disabled", s.Value[^1].From))];
        }
    }

    internal StartOutcome Start(string tenantId, string contentType)
    {
        StartOutcome outcome;
        lock (gate)
        {
            outcome = StartLocked(tenantId, contentType);
        }

        if (outcome == StartOutcome.Started)
        {
            Changed?.Invoke();
        }

        return outcome;
    }

    private StartOutcome StartLocked(string tenantId, string contentType)
    {
        if (loggingOff.Contains(tenantId))
        {
            return StartOutcome.LoggingOff;
        }

        var key = (tenantId.ToLowerInvariant(), contentType);
        if (!subscriptions.TryGetValue(key, out var intervals))
        {
            subscriptions[key] = intervals = [];
        }

        if (intervals.Count > 0 && intervals[^1].To is null)
        {
            return StartOutcome.AlreadyEnabled;
        }

        intervals.Add(new Interval(clock.GetUtcNow(), null));
        return StartOutcome.Started;
    }

    internal void Stop(string tenantId, string contentType)
    {
        lock (gate)
        {
            if (!subscriptions.TryGetValue((tenantId.ToLowerInvariant(), contentType), out var intervals) || intervals[^1].To is not null)
            {
                return;
            }

            intervals[^1] = intervals[^1] with { To = clock.GetUtcNow() };
        }

        Changed?.Invoke();
    }

    internal SubscriptionState StateOf(string tenantId, string contentType)
    {
        lock (gate)
        {
            return !subscriptions.TryGetValue((tenantId.ToLowerInvariant(), contentType), out var intervals) ? SubscriptionState.None
                : intervals[^1].To is null && !loggingOff.Contains(tenantId) ? SubscriptionState.Enabled
                : SubscriptionState.Disabled;
        }
    }

    /// <summary>Whether a blob created at <paramref name="created"/> exists: the subscription was enabled then.</summary>
    internal bool WasEnabledAt(string tenantId, string contentType, DateTimeOffset created)
    {
        lock (gate)
        {
            return subscriptions.TryGetValue((tenantId.ToLowerInvariant(), contentType), out var intervals)
                && intervals.Any(i => i.From <= created && (i.To is null || created < i.To));
        }
    }

    /// <summary>Whether audit logging is on, and every subscription with the periods it was enabled, for the tenant.</summary>
    internal (bool Enabled, IReadOnlyList<PersistedSandboxState.AuditSubscription> Subscriptions) Export(string tenantId)
    {
        lock (gate)
        {
            return (!loggingOff.Contains(tenantId), [.. subscriptions
                .Where(s => string.Equals(s.Key.Tenant, tenantId, StringComparison.OrdinalIgnoreCase))
                .OrderBy(s => s.Key.ContentType, StringComparer.Ordinal)
                .Select(s => new PersistedSandboxState.AuditSubscription(s.Key.ContentType, [.. s.Value.Select(i => new PersistedSandboxState.EnabledPeriod(i.From, i.To))]))]);
        }
    }

    /// <summary>Replaces the tenant's audit-log switch and subscriptions by saved ones.</summary>
    internal void Import(string tenantId, bool enabled, IEnumerable<PersistedSandboxState.AuditSubscription> saved)
    {
        lock (gate)
        {
            if (enabled)
            {
                loggingOff.Remove(tenantId);
            }
            else
            {
                loggingOff.Add(tenantId);
            }

            foreach (var subscription in saved.Where(s => s.ContentType is not null && s.Periods is { Count: > 0 }))
            {
                subscriptions[(tenantId.ToLowerInvariant(), subscription.ContentType)] = [.. subscription.Periods.Select(p => new Interval(p.From, p.To))];
            }
        }
    }

    /// <summary>No subscriptions; audit logging on except for <paramref name="tenantsWithLoggingOff"/>.</summary>
    internal void Reset(IEnumerable<string> tenantsWithLoggingOff)
    {
        lock (gate)
        {
            subscriptions.Clear();
            loggingOff.Clear();
            loggingOff.UnionWith(tenantsWithLoggingOff);
        }
    }

    private sealed record Interval(DateTimeOffset From, DateTimeOffset? To);
}
