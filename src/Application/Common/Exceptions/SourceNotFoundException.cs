namespace WorkSights.Application.Common.Exceptions;

/// <summary>The provider has nothing to read for this person: no mailbox, or the user is gone.</summary>
public sealed class SourceNotFoundException(string reason, Exception? inner = null) : Exception(reason, inner);
