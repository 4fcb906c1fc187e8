// The front-end files (GOV.UK Frontend and the portal's stylesheet) are built into the output
// folder's wwwroot, so the portal serves the same files under `dotnet run` and from bin/.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.AddPlatformLogging().AddPlatformTelemetry("portal");
builder.AddPortal();

var app = builder.Build();
app.UsePortal();
app.Run();

public partial class Program;
