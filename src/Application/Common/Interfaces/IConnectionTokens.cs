namespace WorkSights.Application.Common.Interfaces;

/// <summary>Tokens WorkSights holds to read an organisation's data from its provider.</summary>
public interface IConnectionTokens
{
    /// <summary>Drops every token and token client held for the organisation, so nothing of its connection remains.</summary>
    void Forget(string externalTenantId);
}
