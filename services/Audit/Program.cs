// `verify --connection "…"`: the offline chain check, no web host (see README).
if (VerifyCommand.IsRequested(args)) return await VerifyCommand.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults("audit");
builder.AddAudit();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapAuditApi();
app.Run();
return 0;
