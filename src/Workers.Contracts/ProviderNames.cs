namespace Workers.Contracts;

/// <summary>Provider names as they appear in commands, queue names and configuration.</summary>
public static class ProviderNames
{
    public const string TopView = "topview";

    public const string Apikley = "apikley";

    public const string Depicta = "depicta";

    public const string UniAll = "uniall";
}

/// <summary>The three kinds of generation.</summary>
public static class GenerationKinds
{
    public const string Image = "image";

    public const string Video = "video";

    public const string Storyboard = "storyboard";
}

/// <summary>Where a <see cref="CreditCost"/> comes from.</summary>
public static class CostSources
{
    public const string Reported = "reported";

    public const string Estimated = "estimated";
}

/// <summary>What a <see cref="GeneratedArtifact"/> is.</summary>
public static class ArtifactRoles
{
    public const string Image = "image";

    /// <summary>TopView's storyboard: one grid image of every panel.</summary>
    public const string Grid = "grid";

    /// <summary>One scene of a Depicta story, in story order.</summary>
    public const string Scene = "scene";

    /// <summary>A character portrait that Depicta generated for consistency.</summary>
    public const string Character = "character";

    public const string Video = "video";
}
