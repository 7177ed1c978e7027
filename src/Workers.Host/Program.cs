using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Workers.Components;
using Workers.Components.Callbacks;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddFleetSecrets();
builder.Services.AddGenerationFleet(builder.Configuration);
builder.Services.AddHealthChecks();

var app = builder.Build();
// Liveness answers while the process runs; readiness includes the bus (MassTransit registers its own check).
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready");
app.MapGenerationCallbacks();
await app.RunAsync().ConfigureAwait(false);
