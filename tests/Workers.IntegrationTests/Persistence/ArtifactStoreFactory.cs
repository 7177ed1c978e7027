using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workers.IntegrationTests.Infrastructure;
using Workers.Persistence;
using Workers.Persistence.Artifacts;

namespace Workers.IntegrationTests.Persistence;

internal static class ArtifactStoreFactory
{
    public static PostgresArtifactStore Create(
        PostgresTestDatabase database, int chunkSizeBytes, long? maxArtifactBytes = null, TimeProvider? timeProvider = null)
    {
        var options = new PersistenceOptions { ConnectionString = database.ConnectionString, ChunkSizeBytes = chunkSizeBytes };
        if (maxArtifactBytes is { } max)
        {
            options.MaxArtifactBytes = max;
        }

        return new PostgresArtifactStore(
            database.DataSource, Options.Create(options), timeProvider ?? TimeProvider.System, NullLogger<PostgresArtifactStore>.Instance);
    }
}
