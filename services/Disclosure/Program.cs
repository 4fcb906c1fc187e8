using ConsentPlatform.Disclosure;
using ConsentPlatform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults("disclosure");
builder.AddDisclosure();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapDisclosureApi();
app.Run();
