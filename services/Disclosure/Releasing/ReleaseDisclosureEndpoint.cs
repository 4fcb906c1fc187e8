namespace ConsentPlatform.Disclosure.Releasing;

public static class ReleaseDisclosureEndpoint
{
    public static RouteGroupBuilder MapReleaseDisclosure(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Post, "/{id:guid}/release", HandleAsync, "ReleaseDisclosure", policy: DisclosurePolicies.Practitioner,
            configure: endpoint => endpoint
                .Accepts<JsonElement>("application/json")
                // Not a refusal of the use case's: the body's size, refused as the server refuses any body too large.
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge));

    /// <summary>
    /// <c>{data: {category: any JSON}}</c>: the body is read here, not bound, so that its size is
    /// limited on this route (256 KiB) and its content never reaches a log or an error message.
    /// Every refusal before the live check (400, 403, 404, 409, 413, 422) stores nothing; a refused
    /// live re-check is recorded, then 409 with its <c>decision</c>.
    /// </summary>
    public static async Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict, Refused.Unprocessable>> HandleAsync(
        Guid id, HttpRequest http, IDocumentSession session, LiveChecks checks, PayloadProtector protector, [AsParameters] DisclosureCall call)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(protector);
        var (caller, stream, refusal) = await DisclosureStore.LoadAsync(session, id, call, (caller, state) => DisclosureAccess.RefusalUnlessHolder(caller, state));
        if (refusal is not null) return refusal;
        var state = stream.Aggregate!;

        var cancellationToken = call.CancellationToken;
        var errors = new FieldErrors();
        var (categories, json) = await ReadDataAsync(http, errors, cancellationToken);
        if (errors.Refusal is { } invalid) return invalid;
        var now = call.Clock.GetUtcNow();
        var command = new ReleaseDisclosure(id, EventActors.ActorOf(caller), categories, now);
        if (ReleaseDisclosure.MayNotRelease(command, state) is { } unreleasable) return unreleasable;

        var answers = await checks.AskAsync(state.Request, now, cancellationToken);
        var decision = ReleaseDisclosure.Decide(command, state, answers);
        if (decision.Refusal is { } refused) return refused;
        var events = decision.Events;
        if (events[0] is Domain.DisclosureEvent.Released)
        {
            var (package, dataKey) = await protector.SealAsync(id, json, now, cancellationToken);
            session.Store(package);
            session.Store(dataKey);
        }

        var after = await DisclosureStore.SaveAsync(session, stream, events, cancellationToken);
        if (after.Refusal is { } lost) return lost;
        return events[0] is Domain.DisclosureEvent.ReleaseRefused recheck
            ? RecheckRefusal.Of("Release refused", recheck.Judgement.Decision)
            : TypedResults.Ok(DisclosureResponse.From(after.State));
    }

    /// <summary>
    /// Refuses anything but JSON (415, as the binder does on every other route), reads at most
    /// 256 KiB (413 beyond), then the <c>data</c> object and its category keys (<see cref="ParseData"/>).
    /// </summary>
    public static async Task<(IReadOnlyList<string> Categories, string Json)> ReadDataAsync(HttpRequest http, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        PlatformJson.RequireJsonContentType(http);
        if (http.ContentLength > DisclosureRules.MaxReleaseBodyBytes) throw TooLarge();

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > DisclosureRules.MaxReleaseBodyBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }

        return ParseData(errors, buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>
    /// The body as JSON, each field at most once at any depth (as every bound body, see
    /// <see cref="PlatformJson"/>), every name and string in it acceptable text (<see cref="JsonText"/>);
    /// otherwise no category and every bad field in <paramref name="errors"/>.
    /// </summary>
    public static (IReadOnlyList<string> Categories, string Json) ParseData(FieldErrors errors, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(errors);
        (IReadOnlyList<string>, string) none = ([], "");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64, AllowDuplicateProperties = false });
        }
        catch (JsonException)
        {
            // The parser's message may quote the body: say only that it is not JSON.
            errors.Add("$", "The body must be a JSON object {\"data\": {<category>: <any JSON>}}, with no field given twice.");
            return none;
        }
        catch (InvalidOperationException)
        {
            // Checking for repeated fields reads every name: one that is not text (an escaped lone surrogate) ends up here.
            errors.Add("$", FreeText.Requirement);
            return none;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) errors.Add("$", "The body must be a JSON object.");
            else if (JsonText.FirstRefused(root, "$") is { } refused)
            {
                errors.Add(refused == "$" ? refused : refused[2..], FreeText.Requirement);
            }
            else
            {
                foreach (var property in root.EnumerateObject())
                {
                    if (!string.Equals(property.Name, "data", StringComparison.Ordinal)) errors.Add(property.Name, "This field is unknown.");
                }

                if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
                {
                    errors.Add("data", "The data field is required: an object keyed by data category.");
                }
                else
                {
                    var categories = new List<string>();
                    foreach (var property in data.EnumerateObject())
                    {
                        if (categories.Contains(property.Name, StringComparer.Ordinal)) errors.Add("data", "A data category appears more than once.");
                        else categories.Add(property.Name);
                    }

                    if (categories.Count == 0) errors.Add("data", "The data object holds no category.");
                    return errors.Any ? none : (categories, data.GetRawText());
                }
            }

            return none;
        }
    }

    private static BadHttpRequestException TooLarge() =>
        new($"The release body is over {DisclosureRules.MaxReleaseBodyBytes / 1024} KiB.", StatusCodes.Status413PayloadTooLarge);
}
