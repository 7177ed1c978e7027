using System.Reflection;
using System.Text.RegularExpressions;

namespace Workers.Persistence.Migrations;

/// <summary>Loads the <c>NNNN_name.sql</c> scripts embedded in this assembly and checks their numbering.</summary>
internal static partial class EmbeddedMigrationScripts
{
    private static readonly Lazy<IReadOnlyList<MigrationScript>> LoadedScripts = new(Load);

    public static IReadOnlyList<MigrationScript> All => LoadedScripts.Value;

    [GeneratedRegex(@"\.Migrations\.(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceNamePattern();

    private static List<MigrationScript> Load()
    {
        var assembly = typeof(EmbeddedMigrationScripts).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            if (!resourceName.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var match = ResourceNamePattern().Match(resourceName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Embedded script '{resourceName}' is not named Migrations/NNNN_snake_case_name.sql.");
            }

            var version = int.Parse(match.Groups["version"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            scripts.Add(new MigrationScript(version, match.Groups["name"].Value, ReadText(assembly, resourceName)));
        }

        scripts.Sort((left, right) => left.Version.CompareTo(right.Version));
        for (var index = 0; index < scripts.Count; index++)
        {
            // Two branches that both add "the next" script collide here, at the first run of any test, not in production.
            if (scripts[index].Version != index + 1)
            {
                throw new InvalidOperationException(
                    $"Migration scripts must be numbered 0001, 0002, … without gaps or duplicates; found {string.Join(", ", scripts)}.");
            }
        }

        return scripts;
    }

    private static string ReadText(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded script '{resourceName}' could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
