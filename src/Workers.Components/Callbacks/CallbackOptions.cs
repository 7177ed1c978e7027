namespace Workers.Components.Callbacks;

/// <summary>Provider callbacks (section <c>Callbacks</c>).</summary>
public sealed class CallbackOptions
{
    public const string SectionName = "Callbacks";

    /// <summary>
    /// The address at which providers reach this fleet's <c>callbacks</c> role, e.g. <c>https://callbacks.example.com</c>
    /// (an ingress). When empty, no callback URL is sent and tasks are followed by polling alone.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest callback body read, in bytes.</summary>
    [System.ComponentModel.DataAnnotations.Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;
}
