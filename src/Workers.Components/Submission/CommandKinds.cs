using Workers.Contracts;

namespace Workers.Components.Submission;

/// <summary>The <see cref="GenerationKinds"/> value of each command type.</summary>
public static class CommandKinds
{
    public static string Of<TCommand>() where TCommand : IGenerationCommand => typeof(TCommand) switch
    {
        var t when t == typeof(GenerateImage) => GenerationKinds.Image,
        var t when t == typeof(GenerateVideo) => GenerationKinds.Video,
        var t when t == typeof(GenerateStoryboard) => GenerationKinds.Storyboard,
        var t => throw new ArgumentException($"{t.Name} is not a generation command"),
    };
}
