using Workers.Contracts;

namespace Workers.Providers.Tests.Apikley;

internal static class ApikleyCommands
{
    /// <summary>A valid two-shot command whose scenes carry <paramref name="marker"/> for the simulator's scripts.</summary>
    public static GenerateVideo Video(string marker) => new()
    {
        RequestId = $"req-{marker}",
        Provider = ProviderNames.Apikley,
        DurationSeconds = 15,
        Shots =
        [
            new VideoShot { Prompt = $"A kitten with headphones [{marker}]", DurationSeconds = 7.5m },
            new VideoShot { Prompt = "The kitten licks its lips", DurationSeconds = 7.5m },
        ],
    };
}
