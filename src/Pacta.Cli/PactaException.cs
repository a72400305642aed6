namespace Pacta.Cli;

/// <summary>
/// Input that was understood but is invalid (unknown state, bad date, unknown id): printed as one line on
/// standard error, exit code 1.
/// </summary>
public sealed class PactaException(string message) : Exception(message);

/// <summary>Exit codes of the machine contract.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Usage = 2;
}
