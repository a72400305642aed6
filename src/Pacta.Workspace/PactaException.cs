namespace Pacta.Workspace;

/// <summary>
/// Input that was understood but is invalid (unknown state, bad date, unknown id): printed as one line on
/// standard error, exit code 1.
/// </summary>
public sealed class PactaException(string message) : Exception(message);
