using System.Net;
using System.Net.NetworkInformation;

namespace Pacta.Web.Guards;

/// <summary>
/// The names the server answers to, for the Host and Origin checks: on loopback 127.0.0.1, localhost and [::1];
/// on one address that address; on a wildcard address (0.0.0.0, ::) this machine's name and addresses and the loopback
/// names; plus <see cref="ServeOptions.AllowedHosts"/>. A built-in name must come with the port the request arrived on;
/// an allowed host given without a port matches any port (a reverse proxy's public name).
/// </summary>
public sealed class HostNames
{
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _anyPort = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string, int)> _exact = [];  // names lower-cased

    public HostNames(ServeOptions options)
    {
        string[] loopback = ["127.0.0.1", "localhost", "[::1]"];
        if (options.IsLoopback) _names.UnionWith(loopback);
        else if (IPAddress.TryParse(options.Host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any)))
        {
            _names.UnionWith(loopback);
            _names.Add(Dns.GetHostName());
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
                foreach (var a in nic.GetIPProperties().UnicastAddresses)
                    _names.Add(Bracket(a.Address));
        }
        else if (ip is not null) _names.Add(Bracket(ip));
        foreach (var h in options.AllowedHosts)
        {
            var hs = HostString.FromUriComponent(h.Trim());
            if (hs.Port is { } port) _exact.Add((hs.Host.ToLowerInvariant(), port));
            else _anyPort.Add(hs.Host);
        }
    }

    /// <summary>IPv6 addresses as they appear in a Host header, without a zone.</summary>
    private static string Bracket(IPAddress a)
    {
        if (a.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return a.ToString();
        var copy = new IPAddress(a.GetAddressBytes());
        return $"[{copy}]";
    }

    /// <summary>Whether <paramref name="host"/>:<paramref name="port"/> names this server, reached on <paramref name="localPort"/>.</summary>
    public bool Allows(string host, int port, int localPort) =>
        (_names.Contains(host) && port == localPort) || _anyPort.Contains(host) || _exact.Contains((host.ToLowerInvariant(), port));

    /// <summary>A Host header value (host[:port]; port 80 when absent).</summary>
    public bool AllowsHost(string header, int localPort)
    {
        if (string.IsNullOrWhiteSpace(header)) return false;
        var hs = HostString.FromUriComponent(header);
        return hs.HasValue && Allows(hs.Host, hs.Port ?? 80, localPort);
    }

    /// <summary>An Origin header value: scheme://host[:port], http or https.</summary>
    public bool AllowsOrigin(string header, int localPort)
    {
        if (!Uri.TryCreate(header, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https") || u.PathAndQuery is not ("/" or "")) return false;
        var host = u.HostNameType == UriHostNameType.IPv6 ? $"[{new IPAddress(IPAddress.Parse(u.Host.Trim('[', ']')).GetAddressBytes())}]" : u.Host;
        return Allows(host, u.Port, localPort);
    }
}
