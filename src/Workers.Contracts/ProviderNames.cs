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
