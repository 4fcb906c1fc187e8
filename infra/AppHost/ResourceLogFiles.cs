namespace ConsentPlatform.AppHost;

/// <summary>
/// Every process's console output also goes to <c>.state/logs/&lt;name&gt;.log</c>, where infra/up
/// always put it: the dashboard shows it too, but a file outlives the AppHost and can be grepped.
/// </summary>
internal sealed class ResourceLogFiles(DistributedApplicationModel model, ResourceLoggerService logs, PlatformSettings settings)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = Path.Combine(settings.StateDirectory, "logs");
        Directory.CreateDirectory(folder);
        return Task.WhenAll(model.Resources.OfType<ProjectResource>().Select(r => CopyAsync(r, folder, stoppingToken)));
    }

    private async Task CopyAsync(IResource resource, string folder, CancellationToken stoppingToken)
    {
        await using var file = new StreamWriter(Path.Combine(folder, resource.Name + ".log"), append: true) { AutoFlush = true };
        await file.WriteLineAsync($"===== {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} started by the AppHost (infra/AppHost) =====");
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(stoppingToken))
            {
                foreach (var line in batch) await file.WriteLineAsync(line.Content);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }
}
