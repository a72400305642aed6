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
    /// Everything from this server only: the built UI has no inline script, and no inline style but the
    /// <c>&lt;style&gt;</c> elements the studio's editor adds with the page's nonce (other styles are set through the
    /// CSSOM, which CSP allows); the favicon is a data: URL, and no page may frame this one.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Where a page's style nonce is kept on the request (<see cref="NewStyleNonce"/>).</summary>
    private const string NonceItem = "pacta.csp-style-nonce";

    /// <summary>
    /// A fresh nonce for this response's page: the policy sent with it becomes <see cref="WithStyleNonce"/>, so the
    /// page's scripts may add <c>&lt;style&gt;</c> elements carrying it (CodeMirror injects its themes that way and
    /// takes the nonce from <c>EditorView.cspNonce</c>). 128 random bits, new on every response, so a nonce seen once
    /// is of no use to an injected style later; answers that are not pages keep the policy without one.
    /// </summary>
    public static string NewStyleNonce(HttpContext http)
    {
        var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        http.Items[NonceItem] = nonce;
        return nonce;
    }

    /// <summary>The policy with <c>style-src 'self' 'nonce-N'</c>: inline style elements with that nonce, and no others, allowed.</summary>
    public static string WithStyleNonce(string nonce) =>
        ContentSecurityPolicy.Replace("style-src 'self';", $"style-src 'self' 'nonce-{nonce}';", StringComparison.Ordinal);

    public Task Invoke(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = http.Items[NonceItem] is string nonce ? WithStyleNonce(nonce) : ContentSecurityPolicy;
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
