var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformLogging()
    .AddPlatformJson()
    .AddPlatformProblemDetails()
    .AddPlatformTelemetry("gateway")
    // A shared tenant's user who has not chosen an organisation may ask who they are, and nothing else.
    .AddPlatformAuthentication(SessionEndpoint.Path)
    // Only to ask the DSA registry which tenants are onboarded (issue 18): the gateway consumes nothing.
    .AddPlatformMessaging("gateway");
builder.AddGateway();

var app = builder.Build();
app.UseGateway();
app.MapGateway();
app.Run();

public partial class Program;
