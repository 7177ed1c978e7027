using Workers.ProviderSimulator.Callbacks;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Ledger;
using Workers.ProviderSimulator.Scripts;

namespace Workers.ProviderSimulator.Control;

/// <summary>
/// The control API under <c>/_control</c>, for tests and benchmarks: reset, scripted outcomes, the submissions
/// list, counters, injected faults and callback behaviour. Every provider shares it; scripts and records carry the provider name.
/// </summary>
public static class ControlEndpoints
{
    public const string Prefix = "/_control";

    public static IServiceCollection AddSimulatorControl(this IServiceCollection services)
    {
        services.AddSingleton<ScriptBook>();
        services.AddSingleton<SubmissionLog>();
        services.AddSingleton<CounterBook>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<ScriptBook>());
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<SubmissionLog>());
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<CounterBook>());
        return services;
    }

    public static IEndpointRouteBuilder MapSimulatorControl(this IEndpointRouteBuilder endpoints)
    {
        var control = endpoints.MapGroup(Prefix).ExcludeFromDescription();

        control.MapPost("/reset", (IEnumerable<IResettableState> states) =>
        {
            foreach (var state in states)
            {
                state.Reset();
            }

            return Results.NoContent();
        });

        control.MapPost("/scripts", (OutcomeScript script, ScriptBook scripts) =>
        {
            var errors = script.Validate();
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }

            var active = scripts.Add(script);
            return Results.Created($"{Prefix}/scripts/{active.Id}", active);
        });

        control.MapGet("/scripts", (ScriptBook scripts) => scripts.List());

        control.MapGet(
            "/submissions",
            (string? provider, string? promptContains, string? clientReference, SubmissionLog submissions) =>
                submissions.Find(provider, promptContains, clientReference));

        control.MapGet("/counters", (CounterBook counters) => counters.Snapshot());
        control.MapFaultControl();
        control.MapCallbackControl();

        return endpoints;
    }
}
