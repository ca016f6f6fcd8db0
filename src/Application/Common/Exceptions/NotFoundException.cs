namespace WorkSights.Application.Common.Exceptions;

/// <summary>The thing asked for does not exist in the caller's workspace (whether or not it exists elsewhere).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");
