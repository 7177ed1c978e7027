namespace Workers.IntegrationTests.Infrastructure;

/// <summary>
/// Where the tests find RabbitMQ: <c>WORKERS_RABBITMQ</c> (AMQP URI) and <c>WORKERS_RABBITMQ_MANAGEMENT</c> (management
/// API URI, credentials in it), defaulting to a local broker with guest/guest.
/// </summary>
public sealed record RabbitMqTestSettings(
    string Host,
    ushort Port,
    string Username,
    string Password,
    Uri ManagementUri,
    string ManagementUsername,
    string ManagementPassword)
{
    public const string AmqpVariable = "WORKERS_RABBITMQ";
    public const string ManagementVariable = "WORKERS_RABBITMQ_MANAGEMENT";

    const string DefaultAmqp = "amqp://guest:guest@localhost:5672/";
    const string DefaultManagement = "http://guest:guest@localhost:15672/";

    public static RabbitMqTestSettings FromEnvironment()
    {
        var amqp = new Uri(Read(AmqpVariable, DefaultAmqp));
        var management = new Uri(Read(ManagementVariable, DefaultManagement));
        var (user, password) = Credentials(amqp);
        var (managementUser, managementPassword) = Credentials(management);

        return new RabbitMqTestSettings(
            amqp.Host,
            (ushort)(amqp.IsDefaultPort ? 5672 : amqp.Port),
            user,
            password,
            new UriBuilder(management) { UserName = "", Password = "" }.Uri,
            managementUser,
            managementPassword);
    }

    static string Read(string variable, string fallback)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? fallback : value;
    }

    static (string User, string Password) Credentials(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
