using System.Runtime.CompilerServices;

// The imaging tests compare decoded files against the raster that was encoded, which is internal.
[assembly: InternalsVisibleTo("Workers.ProviderSimulator.Tests")]
