using Microsoft.AspNetCore.Builder;
using Pacta.Workspace;

namespace Pacta.Web.Tests;

/// <summary>
/// One real Kestrel server on 127.0.0.1 with a free port, over the bundled corpus and ATOP, with its database in a
/// fresh temporary folder; shared by every test in the "server" collection.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"pacta-web-tests-{Guid.NewGuid():N}");
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");
    public ServeData Data { get; private set; } = null!;

    public HttpClient Client() => new() { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public async Task InitializeAsync()
    {
        Data = new ServeData(PactaSession.Open());
        _app = PactaServer.BuildApp(new ServeOptions { Host = "127.0.0.1", Port = 0, DataDir = DataDir, Quiet = true }, Data);
        await _app.StartAsync();
        BaseUrl = new Uri(PactaServer.Urls(_app).Single().TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("server")]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;
