using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>
/// A completed story's files, rendered on first download. File index <c>3·s + f</c> is scene <c>s</c> in format
/// <c>f</c> (png, jpeg, webp); index <c>3·scenes + c</c> is character <c>c</c>'s portrait (PNG, 1024×1024).
/// </summary>
internal sealed class DepictaFileSource(DepictaJobStore jobs) : ISimulatedFileSource
{
    private const int PortraitPixels = 1024;

    /// <summary>The formats every scene comes in, in file-index order.</summary>
    public static IReadOnlyList<ImageFormat> SceneFormats { get; } = [ImageFormat.Png, ImageFormat.Jpeg, ImageFormat.Webp];

    public string Provider => SimulatedProviders.Depicta;

    public static int SceneIndex(int scene, ImageFormat format) => (scene * SceneFormats.Count) + SceneFormats.ToList().IndexOf(format);

    public static int PortraitIndex(DepictaStory story, int character) => (story.Scenes.Count * SceneFormats.Count) + character;

    public SimulatedFile? Find(string taskId, int index, DateTimeOffset now)
    {
        if (jobs.Find(taskId) is not { } job || !DepictaJobState.At(job, now).IsCompleted || index < 0)
        {
            return null;
        }

        var story = job.Story;
        var sceneFiles = story.Scenes.Count * SceneFormats.Count;
        ImageSpec spec;
        if (index < sceneFiles)
        {
            var scene = index / SceneFormats.Count;
            var size = story.Scenes[scene];
            spec = new ImageSpec(
                size.Width,
                size.Height,
                SceneFormats[index % SceneFormats.Count],
                Seed: StableHash.NonNegativeInt32($"{taskId}#scene{scene}"),
                Caption: $"scene {scene + 1}/{story.Scenes.Count}");
        }
        else if (index - sceneFiles < story.CharacterNames.Count)
        {
            var character = index - sceneFiles;
            spec = new ImageSpec(
                PortraitPixels,
                PortraitPixels,
                ImageFormat.Png,
                Seed: StableHash.NonNegativeInt32($"{taskId}#character{character}"),
                Caption: $"character {character + 1}/{story.CharacterNames.Count}");
        }
        else
        {
            return null;
        }

        return new SimulatedFile(PlaceholderImage.ContentType(spec.Format), () => PlaceholderImage.Render(spec));
    }

    /// <summary>The readable last segment of a scene link, e.g. <c>{job}-scene-2.webp</c>.</summary>
    public static string SceneFileName(string jobId, int scene, ImageFormat format) =>
        $"{jobId}-scene-{scene + 1}.{PlaceholderImage.Extension(format)}";

    public static string PortraitFileName(string jobId, int character) => $"{jobId}-character-{character + 1}.png";
}
