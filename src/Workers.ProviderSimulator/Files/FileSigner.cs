using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Files;

/// <summary>
/// Signs file tokens the way object stores sign URLs: the token carries provider, task id, index and expiry, and an
/// HMAC-SHA256 over them, so serving a file needs no per-link state.
/// </summary>
/// <remarks>Token: <c>base64url(provider|taskId|index|expiryUnixSeconds).base64url(hmac)</c>.</remarks>
public sealed class FileSigner
{
    private const char Separator = '|';
    private readonly byte[] key;

    public FileSigner(IOptions<SimulatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        key = options.Value.FileSigningKey is { } configured
            ? Encoding.UTF8.GetBytes(configured)
            : RandomNumberGenerator.GetBytes(32);
    }

    public string Sign(FileAddress address, DateTimeOffset expiresAt)
    {
        if (address.Provider.Contains(Separator, StringComparison.Ordinal)
            || address.TaskId.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Provider and task id must not contain '{Separator}'.", nameof(address));
        }

        var payload = Encoding.UTF8.GetBytes(string.Join(
            Separator,
            address.Provider,
            address.TaskId,
            address.Index.ToString(CultureInfo.InvariantCulture),
            expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>Checks the signature first (a forged token is forged whatever its expiry says), then the expiry.</summary>
    public FileTokenCheck Verify(string token, DateTimeOffset now, out FileAddress address)
    {
        address = default;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !TryDecode(token.AsSpan(0, dot), out var payload)
            || !TryDecode(token.AsSpan(dot + 1), out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
        {
            return FileTokenCheck.Forged;
        }

        var parts = Encoding.UTF8.GetString(payload).Split(Separator);
        if (parts.Length != 4
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return FileTokenCheck.Forged;
        }

        address = new FileAddress(parts[0], parts[1], index);
        return now.ToUnixTimeSeconds() >= expiry ? FileTokenCheck.Expired : FileTokenCheck.Valid;
    }

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        // TryDecodeFromChars throws on malformed input (e.g. a length of 1 mod 4) instead of returning false.
        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
