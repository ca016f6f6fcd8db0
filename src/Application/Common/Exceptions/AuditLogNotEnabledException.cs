namespace WorkSights.Application.Common.Exceptions;

/// <summary>The tenant's unified audit log is off, so the audit feed has nothing to give (the Management API's AF20023).</summary>
public sealed class AuditLogNotEnabledException(string reason) : Exception(reason);
