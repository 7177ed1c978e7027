namespace Workers.ProviderSimulator.Faults;

/// <summary>Registers the fault book and maps its part of the control API.</summary>
public static class FaultEndpoints
{
    public static IServiceCollection AddSimulatorFaults(this IServiceCollection services)
    {
        services.AddSingleton<FaultBook>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<FaultBook>());
        return services;
    }

    /// <summary><c>PUT /faults</c> (replace one provider's injection), <c>GET /faults</c>, <c>DELETE /faults/{provider}</c>.</summary>
    public static IEndpointRouteBuilder MapFaultControl(this IEndpointRouteBuilder control)
    {
        control.MapPut("/faults", (FaultInjection injection, FaultBook faults) =>
        {
            var errors = injection.Validate();
            return errors.Count > 0 ? Results.ValidationProblem(errors) : Results.Ok(faults.Set(injection));
        });

        control.MapGet("/faults", (FaultBook faults) => faults.List());

        control.MapDelete("/faults/{provider}", (string provider, FaultBook faults) =>
            faults.Clear(provider) ? Results.NoContent() : Results.NotFound());

        return control;
    }
}
