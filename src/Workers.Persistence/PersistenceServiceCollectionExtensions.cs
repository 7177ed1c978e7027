using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.Persistence.Artifacts;
using Workers.Persistence.Migrations;

namespace Workers.Persistence;

/// <summary>Registers the fleet's PostgreSQL state: data source, schema migrations, artifact store.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Adds persistence configured from the <c>Postgres</c> section of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PersistenceOptions>().Bind(configuration.GetSection(PersistenceOptions.SectionName));
        return services.AddPersistenceCore();
    }

    /// <summary>Adds persistence configured in code.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, Action<PersistenceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PersistenceOptions>().Configure(configure);
        return services.AddPersistenceCore();
    }

    private static IServiceCollection AddPersistenceCore(this IServiceCollection services)
    {
        services.AddOptions<PersistenceOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        // As Npgsql's AddNpgsqlDataSource does: one pooled data source per process, logging through the host.
        // TryAdd, so a host that needs a customised builder (type mappings, auth callbacks) can register its own first.
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            return new NpgsqlDataSourceBuilder(options.ConnectionString)
                .UseLoggerFactory(provider.GetService<ILoggerFactory>())
                .Build();
        });

        services.TryAddSingleton<SchemaMigrator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SchemaMigrationHostedService>());

        services.TryAddSingleton<PostgresArtifactStore>();
        services.TryAddSingleton<IArtifactStore>(provider => provider.GetRequiredService<PostgresArtifactStore>());
        return services;
    }
}
