using System.Diagnostics;

namespace Workers.ProviderSimulator.Tests.Imaging;

/// <summary>
/// Runs the reference decoders from Debian (libwebp, libjpeg-turbo, pngcheck; ffmpeg through <c>Video/Ffmpeg</c>) on
/// encoded files. A missing tool fails the test and names the package to install: a validity check that silently skipped
/// would prove nothing.
/// </summary>
internal static class ExternalDecoders
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs pngcheck, which verifies every chunk CRC and inflates the image data; returns its report line.</summary>
    public static Task<string> PngcheckAsync(string png) => RunAsync("pngcheck", "pngcheck", [png]);

    /// <summary>Decodes a WebP with dwebp; returns the decoded pixels and dwebp's report (which states dimensions and format).</summary>
    public static async Task<(PpmImage Image, string Report)> DwebpAsync(string webp)
    {
        var ppm = Path.ChangeExtension(webp, ".dwebp.ppm");
        var report = await RunAsync("dwebp", "webp", [webp, "-ppm", "-o", ppm]);
        return (PpmImage.Read(ppm), report);
    }

    /// <summary>Decodes a JPEG with libjpeg-turbo's djpeg.</summary>
    public static async Task<PpmImage> DjpegAsync(string jpeg)
    {
        var ppm = Path.ChangeExtension(jpeg, ".djpeg.ppm");
        await RunAsync("djpeg", "libjpeg-turbo-progs", ["-pnm", "-outfile", ppm, jpeg]);
        return PpmImage.Read(ppm);
    }

    /// <summary>
    /// Decodes a PNG with libpng, by way of cwebp's lossless mode and dwebp: Debian's webp tools are the only
    /// libpng-based decoder among the packages the tests rely on.
    /// </summary>
    public static async Task<PpmImage> DecodePngAsync(string png)
    {
        var webp = Path.ChangeExtension(png, ".cwebp.webp");
        await RunAsync("cwebp", "webp", ["-quiet", "-lossless", "-exact", png, "-o", webp]);
        return (await DwebpAsync(webp)).Image;
    }

    /// <summary>Runs a tool to completion and returns its standard output followed by its standard error.</summary>
    internal static async Task<string> RunAsync(string tool, string debianPackage, string[] arguments)
    {
        var executable = FindOnPath(tool)
            ?? throw new Xunit.Sdk.XunitException(
                $"'{tool}' was not found on PATH. Install the Debian package '{debianPackage}' (apt-get install -y {debianPackage}).");

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"{tool} did not finish within {Timeout}.");
        }

        var output = (await standardOutput) + (await standardError);
        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        }

        return output;
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}
