namespace Workers.Cli;

/// <summary>Where the broker and the database are: the same environment variables the tests read.</summary>
internal static class CliSettings
{
    public static string RabbitMqUrl => Environment.GetEnvironmentVariable("WORKERS_RABBITMQ") ?? "amqp://guest:guest@localhost:5672/";

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("WORKERS_POSTGRES") ?? "Host=localhost;Username=workers;Password=workers;Database=workers";
}
