namespace Pacta.Web.Api;

/// <summary>
/// A request the server understood but cannot serve: becomes an RFC 9457 problem+json response naming
/// <see cref="Field"/>, the request field at fault (null when no single field is).
/// </summary>
public sealed class ApiProblem(int status, string? field, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string? Field { get; } = field;

    /// <summary>Sent as Retry-After (a 503 for a full server).</summary>
    public int? RetryAfterSeconds { get; init; }

    public static ApiProblem BadField(string field, string detail) => new(StatusCodes.Status400BadRequest, field, detail);
    public static ApiProblem NotFound(string field, string detail) => new(StatusCodes.Status404NotFound, field, detail);
}
