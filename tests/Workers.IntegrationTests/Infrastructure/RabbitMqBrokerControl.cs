using System.Diagnostics;

namespace Workers.IntegrationTests.Infrastructure;

/// <summary>
/// Restarts the RabbitMQ application through <c>rabbitmqctl</c> (the node itself keeps running). The command comes from
/// <c>WORKERS_RABBITMQCTL</c> (default <c>rabbitmqctl</c>), e.g. <c>docker exec rabbitmq rabbitmqctl</c> elsewhere.
/// </summary>
public static class RabbitMqBrokerControl
{
    public const string CommandVariable = "WORKERS_RABBITMQCTL";

    /// <summary>Stops and starts the broker application and waits until it accepts connections again.</summary>
    public static async Task RestartApplicationAsync(CancellationToken cancellationToken)
    {
        await RunAsync("stop_app", cancellationToken);
        await RunAsync("start_app", cancellationToken);
        await RunAsync("await_startup", cancellationToken);
    }

    static async Task RunAsync(string verb, CancellationToken cancellationToken)
    {
        var command = Environment.GetEnvironmentVariable(CommandVariable);
        var words = (string.IsNullOrWhiteSpace(command) ? "rabbitmqctl" : command)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var start = new ProcessStartInfo(words[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in words.Skip(1))
            start.ArgumentList.Add(word);
        start.ArgumentList.Add(verb);

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start '{start.FileName}' (set {CommandVariable}).");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{string.Join(' ', words)} {verb}' exited with {process.ExitCode}: {await output} {await error}");
        }
    }
}
