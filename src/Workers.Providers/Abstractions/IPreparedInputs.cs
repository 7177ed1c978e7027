namespace Workers.Providers.Abstractions;

/// <summary>
/// Inputs already prepared for a request's submission (e.g. reference image URL → the provider's file id), kept durably
/// on the request's row so that a retry or a crash resumes the preparation instead of starting it again.
/// </summary>
public interface IPreparedInputs
{
    /// <summary>The value saved under <paramref name="key"/>, or null.</summary>
    string? Find(string key);

    /// <summary>Saves one finished step before the next begins.</summary>
    Task SaveAsync(string key, string value, CancellationToken cancellationToken);
}
