using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Hosting;
using Pacta.Storage;
using Pacta.Web.Api;
using Pacta.Web.Guards;

namespace Pacta.Web;

/// <summary>
/// <c>pacta serve</c>: the HTTP API (same JSON as the CLI's <c>--json</c>), its OpenAPI document, and the web UI
/// bundled into this assembly at build time. Bound to loopback unless told otherwise.
/// </summary>
public static class PactaServer
{
    /// <summary>Builds the app without starting it. Beyond loopback without a token, one is generated.</summary>
    public static WebApplication BuildApp(ServeOptions options, ServeData data)
    {
        if (!options.IsLoopback && string.IsNullOrEmpty(options.Token))
            options = options with { Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant() };

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(PactaServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        if (!options.Quiet) builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            if (options.Host == "localhost") k.ListenLocalhost(options.Port);
            else if (IPAddress.TryParse(options.Host, out var ip)) k.Listen(ip, options.Port);
            else throw new ArgumentException($"--host: '{options.Host}' is not an IP address or localhost");
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Pacta API";
            doc.Info.Description = "If X attacks Y on date D, which obligations trigger. The same JSON shapes as the CLI's --json.";
            return Task.CompletedTask;
        }));
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        });
        var store = new PactaStore(options.DataDir);
        // Binding failures throw, so the problem middleware can name the parameter at fault.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(options);
        var outcomes = new OutcomeCache(options.OutcomeCacheBytes);
        builder.Services.AddSingleton(outcomes);
        var gate = new RunGate(options.ConcurrentRuns);
        builder.Services.AddSingleton(gate);
        data.Session.CascadeCacheEntries = options.GraphCacheEntries;

        var app = builder.Build();
        app.UseMiddleware<ProblemMiddleware>();
        app.UseMiddleware<SiteGuard>(new HostNames(options));
        app.UseRequestTimeouts();
        app.MapOpenApi("/openapi/{documentName}.json");

        var guard = new WriteGuard(options.Token);
        var api = app.MapGroup("/api");
        api.AddEndpointFilter(new JsonOnly());
        api.MapGet("/health", () => Json.Of(new System.Text.Json.Nodes.JsonObject
        {
            ["status"] = "ok",
            ["agreements"] = data.Corpus.Agreements.Count,
            ["atop"] = data.Atop?.Version,
            ["writes_need_token"] = options.Token is not null,
            ["max_trials"] = options.MaxTrials,
            ["max_concurrent_runs"] = gate.Limit,
            ["outcome_cache"] = new System.Text.Json.Nodes.JsonObject { ["entries"] = outcomes.Count, ["bytes"] = outcomes.Bytes, ["budget_bytes"] = outcomes.BudgetBytes },
        })).WithSummary("Server status");
        AgreementRoutes.Map(api, data);
        StateRoutes.Map(api, data);
        WhatIfRoutes.Map(api, data, outcomes);
        CompareRoutes.Map(api, data);
        ReadingRoutes.Map(api, data);
        CascadeRoutes.Map(api, data, options, gate);
        NetworkRoutes.Map(api, data);
        CiteRoutes.Map(api, data);
        VocabularyRoutes.Map(api);
        EventAttributeRoutes.Map(api, data);
        DatasetRoutes.Map(api, data);
        SavedScenarioRoutes.Map(api, store, guard, options);
        DraftRoutes.Map(api, store, guard);
        StudioRoutes.Map(api, data, store);
        foreach (var extra in Extensions) extra(api, data, options);

        UiFiles.Map(app, options.WebRoot);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (options.Quiet) return;
            Console.WriteLine($"Pacta is serving {data.Corpus.Agreements.Count} agreements on {string.Join(", ", Urls(app))}");
            Console.WriteLine($"Saved scenarios and drafts: {store.Path}");
            if (options.Token is not null) Console.WriteLine($"Writes need 'Authorization: Bearer {options.Token}'");
            Console.WriteLine("Press Ctrl+C to stop.");
        });
        return app;
    }

    /// <summary>Routes contributed by other parts (e.g. the cascade), mapped under /api.</summary>
    public static readonly List<Action<RouteGroupBuilder, ServeData, ServeOptions>> Extensions = [];

    /// <summary>The addresses the server listens on (after start; with port 0, the chosen port).</summary>
    public static IReadOnlyList<string> Urls(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    /// <summary>Runs until Ctrl+C.</summary>
    public static void Run(ServeOptions options, ServeData data) => BuildApp(options, data).Run();
}
