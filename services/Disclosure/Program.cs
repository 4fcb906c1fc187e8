// `keys rotate` / `keys rewrap`: the offline key commands, no web host (see README).
if (KeysCommand.IsRequested(args)) return await KeysCommand.RunAsync(args, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults("disclosure");
builder.AddDisclosure();

var app = builder.Build();
app.UsePlatformDefaults();
app.MapDisclosureApi();
app.Run();
return 0;
