namespace Workers.ProviderSimulator.Files;

/// <summary>The verdict on a file token.</summary>
public enum FileTokenCheck
{
    Valid,

    /// <summary>Malformed, or its signature does not match (tampered or signed with another key).</summary>
    Forged,

    Expired,
}
