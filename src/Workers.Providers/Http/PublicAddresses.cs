using System.Net;
using System.Net.Sockets;

namespace Workers.Providers.Http;

/// <summary>
/// Which IP addresses are on the public internet. Everything the fleet fetches, or has a provider fetch, from a
/// caller's URL must resolve only to such addresses; anything else could reach the fleet's own network.
/// </summary>
public static class PublicAddresses
{
    /// <summary>The link-local address at which clouds (AWS, GCP, Azure, Oracle…) serve instance metadata and credentials.</summary>
    public static readonly IPAddress CloudMetadata = IPAddress.Parse("169.254.169.254");

    // IPv4 special-purpose ranges (RFC 6890 and its updates), most specific first; the first match names the kind.
    private static readonly (uint Network, int Prefix, string Kind)[] V4Ranges =
    [
        (V4(169, 254, 169, 254), 32, "cloud metadata"),
        (V4(100, 100, 100, 200), 32, "cloud metadata"), // Alibaba Cloud's metadata service
        (V4(255, 255, 255, 255), 32, "broadcast"),
        (V4(0, 0, 0, 0), 8, "unspecified"),
        (V4(10, 0, 0, 0), 8, "private"),
        (V4(100, 64, 0, 0), 10, "carrier-grade NAT"),
        (V4(127, 0, 0, 0), 8, "loopback"),
        (V4(169, 254, 0, 0), 16, "link-local"),
        (V4(172, 16, 0, 0), 12, "private"),
        (V4(192, 0, 0, 0), 24, "reserved"),
        (V4(192, 0, 2, 0), 24, "documentation"),
        (V4(192, 88, 99, 0), 24, "reserved"),
        (V4(192, 168, 0, 0), 16, "private"),
        (V4(198, 18, 0, 0), 15, "benchmarking"),
        (V4(198, 51, 100, 0), 24, "documentation"),
        (V4(203, 0, 113, 0), 24, "documentation"),
        (V4(224, 0, 0, 0), 4, "multicast"),
        (V4(240, 0, 0, 0), 4, "reserved"),
    ];

    // IPv6 ranges inside 2000::/3 (the only global unicast block) that are not public anyway.
    private static readonly (UInt128 Network, int Prefix, string Kind)[] V6GlobalExceptions =
    [
        (V6("2001:db8::"), 32, "documentation"),
        (V6("2001:2::"), 48, "benchmarking"),
        (V6("2001::"), 23, "reserved"), // IETF protocol assignments: Teredo, ORCHID, AS112…
        (V6("3fff::"), 20, "documentation"),
    ];

    /// <summary>Whether <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address) => NonPublicKind(address) is null;

    /// <summary>
    /// Null for a public unicast address; otherwise what it is (<c>loopback</c>, <c>private</c>, <c>link-local</c>,
    /// <c>unique-local</c>, <c>cloud metadata</c>, …). IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4) are
    /// judged by the embedded address.
    /// </summary>
    public static string? NonPublicKind(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return V4Kind(address);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "non-IP";
        }

        if (address.ScopeId != 0)
        {
            // A zone id only means something on a local link.
            return "link-local";
        }

        var bits = V6(address);
        if (bits == UInt128.Zero)
        {
            return "unspecified";
        }

        if (bits == UInt128.One)
        {
            return "loopback";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return V4Kind(address.MapToIPv4());
        }

        if (In(bits, V6("64:ff9b::"), 96))
        {
            // NAT64: the gateway connects to the embedded IPv4 address.
            return V4Kind(new IPAddress(address.GetAddressBytes().AsSpan(12, 4)));
        }

        if (In(bits, V6("2002::"), 16))
        {
            // 6to4: bits 16–47 are the IPv4 address of the relay's other end.
            return V4Kind(new IPAddress(address.GetAddressBytes().AsSpan(2, 4)));
        }

        if (In(bits, V6("fc00::"), 7))
        {
            return "unique-local";
        }

        if (In(bits, V6("fe80::"), 10))
        {
            return "link-local";
        }

        if (In(bits, V6("fec0::"), 10))
        {
            return "site-local";
        }

        if (In(bits, V6("ff00::"), 8))
        {
            return "multicast";
        }

        if (!In(bits, V6("2000::"), 3))
        {
            // ::/96 (IPv4-compatible), 64:ff9b:1::/48, 100::/64 (discard) and every unassigned block.
            return "reserved";
        }

        foreach (var (network, prefix, kind) in V6GlobalExceptions)
        {
            if (In(bits, network, prefix))
            {
                return kind;
            }
        }

        return null;
    }

    private static string? V4Kind(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        var value = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
        foreach (var (network, prefix, kind) in V4Ranges)
        {
            var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            if ((value & mask) == network)
            {
                return kind;
            }
        }

        return null;
    }

    private static bool In(UInt128 value, UInt128 network, int prefix)
    {
        var mask = prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);
        return (value & mask) == network;
    }

    private static uint V4(byte a, byte b, byte c, byte d) => (uint)a << 24 | (uint)b << 16 | (uint)c << 8 | d;

    private static UInt128 V6(string address) => V6(IPAddress.Parse(address));

    private static UInt128 V6(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return new UInt128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[..8]),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }
}
