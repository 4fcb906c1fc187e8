var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults("consent");
builder.AddConsent();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapConsentApi();
app.Run();
