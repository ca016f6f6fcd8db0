namespace WorkSights.Domain.Common;

/// <summary>Raised when an operation would break an invariant of the domain model.</summary>
public sealed class DomainRuleViolationException(string message) : Exception(message);
