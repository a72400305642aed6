using System.Security.Cryptography;
using System.Text;

namespace Pacta.Web.Api;

/// <summary>
/// Write endpoints (saving and deleting) need <c>Authorization: Bearer TOKEN</c> whenever the server has a token,
/// which it always has when bound beyond loopback. Compared in fixed time.
/// </summary>
public sealed class WriteGuard(string? token) : IEndpointFilter
{
    private readonly byte[]? _token = token is null ? null : Encoding.UTF8.GetBytes(token);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (_token is not null)
        {
            var header = context.HttpContext.Request.Headers.Authorization.ToString();
            const string prefix = "Bearer ";
            var given = header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()) : [];
            if (given.Length == 0)
                throw new ApiProblem(StatusCodes.Status401Unauthorized, "Authorization", "this server needs a token for writes: send 'Authorization: Bearer TOKEN'");
            if (!CryptographicOperations.FixedTimeEquals(given, _token))
                throw new ApiProblem(StatusCodes.Status403Forbidden, "Authorization", "the token is not this server's");
        }
        return await next(context);
    }
}
