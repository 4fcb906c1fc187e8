using ConsentPlatform.Audit;
using ConsentPlatform.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults("audit");
builder.AddAudit();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapAuditApi();
app.Run();
