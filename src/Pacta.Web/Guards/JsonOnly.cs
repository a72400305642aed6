using Pacta.Web.Api;

namespace Pacta.Web.Guards;

/// <summary>
/// On every API route: a POST or PUT must say <c>Content-Type: application/json</c>, and a DELETE with a body too.
/// Browsers send a cross-origin POST without a preflight only with a form type or none, so a page on another site can
/// never get a write through; the 415 comes before any body is read.
/// </summary>
public sealed class JsonOnly : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var r = context.HttpContext.Request;
        var hasBody = r.ContentLength > 0 || r.Headers.TransferEncoding.Count > 0;
        if ((HttpMethods.IsPost(r.Method) || HttpMethods.IsPut(r.Method) || HttpMethods.IsPatch(r.Method) || (HttpMethods.IsDelete(r.Method) && hasBody)) && !IsJson(r.ContentType))
        {
            var got = string.IsNullOrEmpty(r.ContentType) ? "no Content-Type" : $"Content-Type {r.ContentType}";
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Content-Type", $"expected a JSON body (Content-Type: application/json), got {got}");
        }
        return next(context);
    }

    public static bool IsJson(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var m)
        && m.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
