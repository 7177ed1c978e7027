using System.Net;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Tests.Http;

/// <summary>Which addresses and URLs count as public: every private form refused, public ones and the allow-list accepted.</summary>
public sealed class PublicAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("127.255.255.254", "loopback")]
    [InlineData("10.0.0.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("172.31.255.255", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("169.254.1.1", "link-local")]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("100.100.100.200", "cloud metadata")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("100.127.255.255", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("0.1.2.3", "unspecified")]
    [InlineData("224.0.0.1", "multicast")]
    [InlineData("239.255.255.250", "multicast")]
    [InlineData("255.255.255.255", "broadcast")]
    [InlineData("240.0.0.1", "reserved")]
    [InlineData("192.0.0.8", "reserved")]
    [InlineData("192.0.2.1", "documentation")]
    [InlineData("198.51.100.7", "documentation")]
    [InlineData("203.0.113.9", "documentation")]
    [InlineData("198.18.0.1", "benchmarking")]
    [InlineData("198.19.255.255", "benchmarking")]
    [InlineData("::", "unspecified")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:127.0.0.1", "loopback")]
    [InlineData("::ffff:10.0.0.1", "private")]
    [InlineData("::ffff:169.254.169.254", "cloud metadata")]
    [InlineData("::127.0.0.1", "reserved")]
    [InlineData("64:ff9b::a00:1", "private")]
    [InlineData("2002:7f00:1::", "loopback")]
    [InlineData("2002:c0a8:101::1", "private")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("febf::1", "link-local")]
    [InlineData("fec0::1", "site-local")]
    [InlineData("fc00::1", "unique-local")]
    [InlineData("fd00:ec2::254", "unique-local")]
    [InlineData("ff02::1", "multicast")]
    [InlineData("2001:db8::1", "documentation")]
    [InlineData("3fff::1", "documentation")]
    [InlineData("2001:2::1", "benchmarking")]
    [InlineData("2001::1", "reserved")]
    [InlineData("100::1", "reserved")]
    [InlineData("4000::1", "reserved")]
    public void NonPublicKind_SpecialAddress_IsNamed(string address, string kind) =>
        Assert.Equal(kind, PublicAddresses.NonPublicKind(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.215.14")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2a00:1450:4001:80b::200e")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void IsPublic_PublicUnicastAddress_IsTrue(string address) =>
        Assert.True(PublicAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void NonPublicKind_ScopedIPv6Address_IsLinkLocal() =>
        Assert.Equal("link-local", PublicAddresses.NonPublicKind(new IPAddress(IPAddress.Parse("2606:4700::1").GetAddressBytes(), 3)));

    public static TheoryData<string, string> HostileUrls => new()
    {
        { "https://127.0.0.1/a.png", "loopback address (127.0.0.1)" },
        { "https://10.0.0.1/a.png", "private address (10.0.0.1)" },
        { "https://192.168.1.1/a.png", "private address (192.168.1.1)" },
        { "https://169.254.169.254/latest/meta-data/", "cloud metadata address (169.254.169.254)" },
        { "https://100.64.1.1/a.png", "carrier-grade NAT address" },
        // Every literal form Uri parses: hex, octal, one integer, short dotted, IPv4-mapped IPv6 (both spellings).
        { "https://0x7f000001/a.png", "loopback address (127.0.0.1)" },
        { "https://0177.0.0.1/a.png", "loopback address (127.0.0.1)" },
        { "https://017700000001/a.png", "loopback address (127.0.0.1)" },
        { "https://2130706433/a.png", "loopback address (127.0.0.1)" },
        { "https://127.1/a.png", "loopback address (127.0.0.1)" },
        { "https://0x7f.0.0.1/a.png", "loopback address (127.0.0.1)" },
        { "https://0/a.png", "unspecified address (0.0.0.0)" },
        { "https://[::1]/a.png", "loopback address (::1)" },
        { "https://[::ffff:127.0.0.1]/a.png", "loopback address" },
        { "https://[::ffff:7f00:1]/a.png", "loopback address" },
        { "https://[0:0:0:0:0:ffff:a00:1]/a.png", "private address" },
        { "https://[fe80::1%25eth0]/a.png", "link-local address" },
        { "https://[fd12:3456::1]/a.png", "unique-local address" },
        { "https://[2001:db8::1]/a.png", "documentation address" },
        { "https://[ff02::1]/a.png", "multicast address" },
        { "https://255.255.255.255/a.png", "broadcast address" },
        // Names that only mean something inside a network.
        { "https://localhost/a.png", "local host (localhost)" },
        { "https://LOCALHOST./a.png", "local host (localhost)" },
        { "https://api.localhost/a.png", "local host (api.localhost)" },
        { "https://printer.local/a.png", "local host (printer.local)" },
        { "https://db.corp.internal/a.png", "local host (db.corp.internal)" },
        { "https://metadata.google.internal/computeMetadata/v1/", "cloud metadata service (metadata.google.internal)" },
        { "https://metadata.goog/computeMetadata/v1/", "cloud metadata service" },
        { "https://metadata/computeMetadata/v1/", "local host (metadata)" },
        { "https://intranet/a.png", "local host (intranet)" },
        { "https://kubernetes.default.svc/api", "local host" },
        { "https://256.1.1.1/a.png", "not a valid host name" },
        { "https://1.2.3.4.5/a.png", "not a valid host name" },
        { "https://example.0x1f/a.png", "not a valid host name" },
        // Schemes, credentials, non-URLs, length.
        { "file:///etc/passwd", "not an absolute HTTPS URL" },
        { "ftp://example.com/a.png", "not an absolute HTTPS URL" },
        { "gopher://example.com:70/_x", "not an absolute HTTPS URL" },
        { "data:image/png;base64,iVBORw0KGgo=", "not an absolute HTTPS URL" },
        { "/etc/passwd", "not an absolute HTTPS URL" },
        { "http://example.com/a.png", "not an absolute HTTPS URL" },
        { "https://user:secret@example.com/a.png", "user info" },
        { "https://%6c%6f%63%61%6c%68%6f%73%74/a.png", "not an absolute HTTPS URL" },
        { "https://example.com/" + new string('a', 2100), "at most 2048" },
    };

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public void Validate_NonPublicReference_IsRefusedNamingTheFieldAndWhy(string url, string why)
    {
        var errors = new List<string>();

        ReferenceUrlRules.Validate(url, "ReferenceImageUrls[0]", new ReferenceUrlOptions(), errors);

        var error = Assert.Single(errors);
        Assert.StartsWith("ReferenceImageUrls[0] '", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrivateAddress_SaysWhichAddressInTheFleetsWords()
    {
        var errors = new List<string>();

        ReferenceUrlRules.Validate(["https://example.com/a.png", "https://10.0.0.1/a.png"], "ReferenceImageUrls", new ReferenceUrlOptions(), errors);

        Assert.Equal(["ReferenceImageUrls[1] 'https://10.0.0.1/a.png' points to a private address (10.0.0.1)."], errors);
    }

    [Theory]
    [InlineData("https://example.com/a.png")]
    [InlineData("https://cdn.example.com:8443/a/b.png?sig=x")]
    [InlineData("https://8.8.8.8/a.png")]
    [InlineData("https://[2606:4700:4700::1111]/a.png")]
    [InlineData("https://☃.example.com/a.png")]
    [InlineData("https://localhost.example.com/a.png")]
    public void IsAllowed_PublicHttpsUrl_IsTrue(string url) => Assert.True(ReferenceUrlRules.IsAllowed(url, new ReferenceUrlOptions()));

    [Theory]
    [InlineData("http://127.0.0.1:5080/a.png", "127.0.0.1:5080")]
    [InlineData("https://127.0.0.1:5080/a.png", "127.0.0.1:5080")]
    [InlineData("http://0x7f000001:5080/a.png", "127.0.0.1:5080")]
    [InlineData("http://localhost:5080/a.png", "localhost")]
    [InlineData("http://LocalHost:5080/a.png", "localhost:5080")]
    [InlineData("http://[::1]:5080/a.png", "[::1]:5080")]
    [InlineData("http://[::1]:5080/a.png", "::1")]
    [InlineData("https://images.corp.internal/a.png", "images.corp.internal")]
    [InlineData("https://refs.example/a.png", "refs.example:443")]
    public void IsAllowed_AllowListedHost_IsExemptFromTheAddressAndSchemeChecks(string url, string allowed) =>
        Assert.True(ReferenceUrlRules.IsAllowed(url, new ReferenceUrlOptions { AllowedHosts = [allowed] }));

    [Theory]
    [InlineData("http://127.0.0.1:5081/a.png", "127.0.0.1:5080")]
    [InlineData("http://127.0.0.2:5080/a.png", "127.0.0.1:5080")]
    [InlineData("https://10.0.0.1/a.png", "127.0.0.1")]
    [InlineData("file:///etc/passwd", "127.0.0.1")]
    [InlineData("https://user:pw@127.0.0.1:5080/a.png", "127.0.0.1:5080")]
    public void IsAllowed_NotTheAllowListedHost_IsFalse(string url, string allowed) =>
        Assert.False(ReferenceUrlRules.IsAllowed(url, new ReferenceUrlOptions { AllowedHosts = [allowed] }));
}
