using Pacta.Web.Api;

namespace Pacta.Web.Guards;

/// <summary>
/// First on every request: security headers on every response (pages, API answers, problems), then the Host header
/// and, when present, the Origin header checked against <see cref="HostNames"/> — another site's page, or a DNS name
/// rebound to this machine, gets a problem instead of an answer.
/// </summary>
public sealed class SiteGuard(RequestDelegate next, HostNames names)
{
    /// <summary>
    /// Everything from this server only: the built UI has no inline script or style (styles are set through the
    /// CSSOM, which CSP allows), the favicon is a data: URL, and no page may frame this one.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task Invoke(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        var port = http.Connection.LocalPort;
        var host = http.Request.Headers.Host.ToString();
        if (!names.AllowsHost(host, port))
            throw new ApiProblem(StatusCodes.Status400BadRequest, "Host", $"this server does not answer to the host '{Printable(host)}' (start it with --allowed-host to add a name)");
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !names.AllowsOrigin(origin, port))
            throw new ApiProblem(StatusCodes.Status403Forbidden, "Origin", $"requests from the origin '{Printable(origin)}' are not allowed");
        return next(http);
    }

    /// <summary>A header value echoed in a message: short, control characters dropped.</summary>
    private static string Printable(string s) => new string(s.Where(c => !char.IsControl(c)).Take(100).ToArray());
}
