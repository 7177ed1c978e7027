using Workers.ProviderSimulator;

var app = SimulatorApp.Create(args);
await app.RunAsync();
