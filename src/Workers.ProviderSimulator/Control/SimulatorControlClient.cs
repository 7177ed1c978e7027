using System.Text.Json;
using Workers.ProviderSimulator.Callbacks;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Ledger;
using Workers.ProviderSimulator.Scripts;

namespace Workers.ProviderSimulator.Control;

/// <summary>Typed client of the simulator's control API; <paramref name="http"/> has the simulator's root as its base address.</summary>
public sealed class SimulatorControlClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    /// <summary>Forgets every task, script, submission and counter.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsync(new Uri("/_control/reset", UriKind.Relative), content: null, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Adds a scripted outcome; scripts with a prompt marker win over unmarked ones.</summary>
    public async Task<ActiveScript> AddScriptAsync(OutcomeScript script, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/_control/scripts", UriKind.Relative), script, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync<ActiveScript>(response, cancellationToken);
    }

    /// <summary>The scripts still in force, with their remaining counts.</summary>
    public async Task<IReadOnlyList<ActiveScript>> GetScriptsAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<List<ActiveScript>>("/_control/scripts", cancellationToken);

    /// <summary>Accepted submissions, filtered by provider, a text the prompt contains and a client reference (all optional).</summary>
    public async Task<IReadOnlyList<Submission>> GetSubmissionsAsync(
        string? provider = null,
        string? promptContains = null,
        string? clientReference = null,
        CancellationToken cancellationToken = default) =>
        await GetAsync<List<Submission>>(
            WithQuery("/_control/submissions", ("provider", provider), ("promptContains", promptContains), ("clientReference", clientReference)),
            cancellationToken);

    /// <summary>Replaces the random faults injected into one provider's calls.</summary>
    public async Task SetFaultsAsync(FaultInjection injection, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync(new Uri("/_control/faults", UriKind.Relative), injection, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Sets how one provider's callbacks are delivered (normal, off, duplicated, late, out of order, forged).</summary>
    public async Task SetCallbackBehaviourAsync(CallbackBehaviour behaviour, CancellationToken cancellationToken = default)
    {
        using var response = await http.PutAsJsonAsync(new Uri("/_control/callback-behaviour", UriKind.Relative), behaviour, Json, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Every callback attempt (up to the last 10,000), filtered by provider and task (both optional).</summary>
    public async Task<IReadOnlyList<CallbackDelivery>> GetCallbackDeliveriesAsync(
        string? provider = null,
        string? taskId = null,
        CancellationToken cancellationToken = default) =>
        await GetAsync<List<CallbackDelivery>>(
            WithQuery("/_control/callback-deliveries", ("provider", provider), ("taskId", taskId)),
            cancellationToken);

    /// <summary>Counters of every provider, keyed by provider name.</summary>
    public async Task<IReadOnlyDictionary<string, ProviderCounters>> GetCountersAsync(CancellationToken cancellationToken = default) =>
        await GetAsync<Dictionary<string, ProviderCounters>>("/_control/counters", cancellationToken);

    /// <summary>Counters of one provider.</summary>
    public async Task<ProviderCounters> GetCountersAsync(string provider, CancellationToken cancellationToken = default)
    {
        var all = await GetCountersAsync(cancellationToken);
        return all.TryGetValue(provider, out var counters)
            ? counters
            : throw new ArgumentException($"The simulator does not serve provider '{provider}'.", nameof(provider));
    }

    private static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var query = parameters
            .Where(parameter => parameter.Value is not null)
            .Select(parameter => $"{parameter.Name}={Uri.EscapeDataString(parameter.Value!)}")
            .ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
        ?? throw new InvalidOperationException($"The control API answered {response.RequestMessage?.RequestUri} with an empty body.");

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            // The body says why (a validation problem lists the bad script fields); EnsureSuccessStatusCode would drop it.
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"Control API {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} failed with {(int)response.StatusCode}: {body}",
                inner: null,
                response.StatusCode);
        }
    }
}
