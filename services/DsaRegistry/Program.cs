using ConsentPlatform.DsaRegistry;
using ConsentPlatform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults("dsa-registry");
builder.AddDsaRegistry();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapDsaRegistryApi();
app.Run();
