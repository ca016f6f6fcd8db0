using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.Tenancy;

/// <summary>
/// Scoped to one request or job: the innermost open scope names the workspace. Nested scopes are allowed so that an
/// onboarding step can act for the workspace it is creating and then return.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    private readonly Stack<Guid> scopes = new();

    public Guid? TenantId => scopes.Count == 0 ? null : scopes.Peek();

    public IDisposable BeginScope(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A workspace scope needs a workspace.", nameof(tenantId));
        }

        scopes.Push(tenantId);
        return new Scope(this, tenantId);
    }

    private sealed class Scope(TenantContext owner, Guid tenantId) : IDisposable
    {
        private bool disposed;

        public void Dispose()
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (owner.scopes.Count == 0 || owner.scopes.Peek() != tenantId)
            {
                throw new InvalidOperationException("Workspace scopes must be closed in the order they were opened.");
            }

            owner.scopes.Pop();
        }
    }
}
