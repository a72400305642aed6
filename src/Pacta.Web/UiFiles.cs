using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Pacta.Web.Guards;

namespace Pacta.Web;

/// <summary>
/// Serves the web UI: the Vite bundle embedded in this assembly at build time (resources named <c>ui.…</c>), or a
/// folder when one is given. Paths that are not files get index.html, so the UI's own URLs (/agreements/ID …) load.
/// </summary>
public static class UiFiles
{
    /// <summary>The nonce attribute's value in ui/index.html, replaced on every response by the response's own nonce.</summary>
    public const string NoncePlaceholder = "PACTA_CSP_NONCE";

    public static void Map(WebApplication app, string? webRoot)
    {
        IFileProvider files = webRoot is not null
            ? new PhysicalFileProvider(Path.GetFullPath(webRoot))
            : new EmbeddedFileProvider(typeof(UiFiles).Assembly, "ui");
        var index = files.GetFileInfo("index.html");
        // /index.html is the page too, with its nonce, not the file as built (which holds the placeholder).
        app.Use((http, next) =>
            http.Request.Path.Equals("/index.html", StringComparison.OrdinalIgnoreCase) && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                ? Page(http, index)
                : next(http));
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".json"] = "application/json";
        app.UseMiddleware<CompressedAssets>(files, types);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            // File names under assets/ carry a content hash, so they never change.
            OnPrepareResponse = c =>
            {
                if (c.Context.Request.Path.StartsWithSegments("/assets"))
                    c.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
        // GET only, so other methods on API paths still get 405 from routing.
        app.MapMethods("{*path:nonfile}", ["GET", "HEAD"], async (HttpContext http) =>
        {
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi"))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await Page(http, index);
        }).WithOrder(int.MaxValue).ExcludeFromDescription();
    }

    /// <summary>
    /// The UI's one page, with a style nonce of its own (<see cref="SiteGuard.NewStyleNonce"/>) in the CSP header and
    /// in its <c>&lt;meta property="csp-nonce"&gt;</c>, where the scripts read it (CodeMirror's style elements carry
    /// it). Never stored (no-store): a page is only good with the header it came with.
    /// </summary>
    private static async Task Page(HttpContext http, IFileInfo index)
    {
        if (!index.Exists)
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The web UI was not built (npm ci && npm run build in src/Pacta.Web/ui); the API is at /api and /openapi/v1.json.");
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var nonce = SiteGuard.NewStyleNonce(http);
        string html;
        using (var reader = new StreamReader(index.CreateReadStream())) html = await reader.ReadToEndAsync(http.RequestAborted);
        await http.Response.WriteAsync(html.Replace(NoncePlaceholder, nonce, StringComparison.Ordinal), http.RequestAborted);
    }
}
