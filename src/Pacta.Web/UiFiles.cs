using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Pacta.Web;

/// <summary>
/// Serves the web UI: the Vite bundle embedded in this assembly at build time (resources named <c>ui.…</c>), or a
/// folder when one is given. Paths that are not files get index.html, so the UI's own URLs (/agreements/ID …) load.
/// </summary>
public static class UiFiles
{
    public static void Map(WebApplication app, string? webRoot)
    {
        IFileProvider files = webRoot is not null
            ? new PhysicalFileProvider(Path.GetFullPath(webRoot))
            : new EmbeddedFileProvider(typeof(UiFiles).Assembly, "ui");
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
        var index = files.GetFileInfo("index.html");
        // GET only, so other methods on API paths still get 405 from routing.
        app.MapMethods("{*path:nonfile}", ["GET", "HEAD"], async (HttpContext http) =>
        {
            if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi"))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            if (!index.Exists)
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync("The web UI was not built (npm ci && npm run build in src/Pacta.Web/ui); the API is at /api and /openapi/v1.json.");
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            await using var s = index.CreateReadStream();
            await s.CopyToAsync(http.Response.Body);
        }).WithOrder(int.MaxValue).ExcludeFromDescription();
    }
}
