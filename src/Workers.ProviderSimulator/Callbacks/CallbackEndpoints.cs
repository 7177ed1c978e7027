namespace Workers.ProviderSimulator.Callbacks;

/// <summary>Registers the callback dispatcher and maps its part of the control API.</summary>
public static class CallbackEndpoints
{
    /// <summary>The longest a receiver may take to answer one callback attempt.</summary>
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddSimulatorCallbacks(this IServiceCollection services)
    {
        services.AddHttpClient(CallbackDispatcher.HttpClientName, http => http.Timeout = AttemptTimeout);
        services.AddSingleton<CallbackDispatcher>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<CallbackDispatcher>());
        return services;
    }

    /// <summary>
    /// <c>PUT /callback-behaviour</c> (one provider's mode), <c>GET /callback-behaviour</c>, and
    /// <c>GET /callback-deliveries?provider=&amp;taskId=</c> (every attempt and how the receiver answered).
    /// </summary>
    public static IEndpointRouteBuilder MapCallbackControl(this IEndpointRouteBuilder control)
    {
        control.MapPut("/callback-behaviour", (CallbackBehaviour behaviour, CallbackDispatcher callbacks) =>
        {
            var errors = behaviour.Validate();
            return errors.Count > 0 ? Results.ValidationProblem(errors) : Results.Ok(callbacks.SetBehaviour(behaviour));
        });

        control.MapGet("/callback-behaviour", (CallbackDispatcher callbacks) => callbacks.Behaviours());

        control.MapGet(
            "/callback-deliveries",
            (string? provider, string? taskId, CallbackDispatcher callbacks) => callbacks.Deliveries(provider, taskId));

        return control;
    }
}
