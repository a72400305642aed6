using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Pacta.Web.Api;

/// <summary>
/// Turns every failure into problem+json: <see cref="ApiProblem"/>, malformed JSON bodies, oversized bodies,
/// timeouts, and bare error statuses from routing (404, 405). Never a stack trace.
/// </summary>
public sealed class ProblemMiddleware(RequestDelegate next, ILogger<ProblemMiddleware> log)
{
    public async Task Invoke(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (ApiProblem p)
        {
            await Problems.Write(http, p.Status, p.Field, p.Message, p.RetryAfterSeconds);
            return;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Problems.Write(http, 413, "body", $"the request body is larger than {http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes");
            return;
        }
        catch (BadHttpRequestException e)
        {
            // Parameter binding failures name the parameter: 'Failed to bind parameter "string? x" from …'.
            var m = System.Text.RegularExpressions.Regex.Match(e.Message, "parameter \"[^\" ]+ ([A-Za-z_]+)\"");
            await Problems.Write(http, e.StatusCode, m.Success ? m.Groups[1].Value : "body", e.Message);
            return;
        }
        catch (JsonException e)
        {
            await Problems.Write(http, 400, "body", $"the request body is not valid JSON: {e.Message}");
            return;
        }
        catch (OperationCanceledException) when (http.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
        {
            await Problems.Write(http, 504, null, "the request took longer than the server allows; ask for fewer trials or leave out ATOP (include_atop=false)");
            return;
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            log.LogError(e, "unhandled error on {Path}", http.Request.Path);
            await Problems.Write(http, 500, null, $"internal error: {e.GetType().Name}");
            return;
        }
        // Routing and the timeout middleware answer with a bare status; give API callers a body to read.
        var status = http.Response.StatusCode;
        if (status >= 400 && !http.Response.HasStarted && http.Response.ContentLength is null && http.Response.ContentType is null
            && http.Request.Path.StartsWithSegments("/api"))
        {
            var detail = status switch
            {
                404 => $"no API route {http.Request.Path}",
                405 => $"{http.Request.Method} is not allowed on {http.Request.Path}",
                504 => "the request took longer than the server allows",
                _ => Problems.Title(status),
            };
            await Problems.Write(http, status, status == 415 ? "Content-Type" : null, status == 415 ? $"expected a JSON body (Content-Type: application/json), got {http.Request.ContentType}" : detail);
        }
    }
}
