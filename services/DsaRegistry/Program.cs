var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults("dsa-registry");
builder.AddDsaRegistry();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapDsaRegistryApi();
app.Run();
