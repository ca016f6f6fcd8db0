namespace WorkSights.Application.Common.Exceptions;

/// <summary>Privacy mode withholds the figures of the group a request selected; the message says why, in a reader's words.</summary>
public sealed class GroupWithheldException(string reason) : Exception(reason);
