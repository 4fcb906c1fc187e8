namespace ConsentPlatform.Portal.Pages;

/// <summary>
/// What every page shares: the API client, who is signed in, and the GOV.UK way of showing a
/// refusal: API field errors next to the matching form field (through <see cref="FieldFor"/>),
/// everything else as a message in the error summary.
/// </summary>
public abstract partial class PortalPage : PageModel
{
    protected PlatformApi Api => HttpContext.RequestServices.GetRequiredService<PlatformApi>();

    protected DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    public string? Org => User.FindFirstValue(PlatformClaims.Org);

    public string? MySubjectId => User.FindFirstValue(PlatformClaims.SubjectId);

    public bool IsYoungCarer => User.FindFirstValue(PlatformClaims.Roles) == PlatformRoles.YoungCarer;

    /// <summary>The signed-in staff member's organisation by its name (the layout shows it), or its code when no agreement names it.</summary>
    public string? OrgName { get; private set; }

    private OrganisationNames? organisationNames;

    /// <summary>
    /// Organisation codes to names, for a staff member's page (loaded after its handler, before it
    /// renders): every page shows organisations by name, falling back to the code only where no
    /// agreement names it. Empty for young carers, whose pages take names from their explanations.
    /// </summary>
    public OrganisationNames Names => organisationNames ?? OrganisationNames.None;

    /// <summary>
    /// The names of the organisations the agreements name, read once per page (staff only: young
    /// carers cannot read agreements, and their pages take names from their own explanations).
    /// </summary>
    protected async Task<OrganisationNames> OrganisationNamesAsync()
    {
        if (organisationNames is not null) return organisationNames;
        organisationNames = IsYoungCarer || !(User.Identity?.IsAuthenticated ?? false)
            ? new OrganisationNames()
            : await OrganisationNames.FromAgreementsAsync(Api);
        return organisationNames;
    }

    /// <summary>After any handler that shows a page to a staff member: their organisation's name for the layout.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Result is PageResult && Org is { } org && !IsYoungCarer)
        {
            try
            {
                OrgName = (await OrganisationNamesAsync()).Of(org);
            }
            catch (SessionExpiredException)
            {
                OrgName = org;
            }
        }
    }

    /// <summary>A message shown in a green notification banner after a change.</summary>
    [TempData]
    public string? Done { get; set; }

    /// <summary>Maps an API field name (<c>purposes[0].description</c>) to the form's field name, or null.</summary>
    protected virtual string? FieldFor(string apiField) => null;

    protected void ShowProblem(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var placed = false;
        foreach (var (apiField, messages) in problem.Errors)
        {
            var field = FieldFor(apiField);
            foreach (var message in messages)
            {
                ModelState.AddModelError(field ?? string.Empty, field is null ? $"{message}" : message);
                placed = true;
            }
        }

        if (!placed) ModelState.AddModelError(string.Empty, problem.Message);
        foreach (var reason in problem.Reasons)
        {
            ModelState.AddModelError(string.Empty, Govuk.Words.Reason(reason));
        }
    }

    /// <summary>What the API answers to a GET of <paramref name="path"/>, or null, its problem shown on the page.</summary>
    protected async Task<T?> ReadAsync<T>(string path)
        where T : class
    {
        var read = await Api.GetAsync<T>(path);
        if (read.Ok) return read.Value;
        ShowProblem(read.Problem!);
        return null;
    }

    /// <summary>Shows the page again, its data read again by <paramref name="reload"/>, with the form's errors and any problem of the API's.</summary>
    protected async Task<IActionResult> PageAgainAsync(Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(reload);
        await reload();
        return Page();
    }

    /// <summary>
    /// What a form does with the API's answer to what it sent: on success, says <paramref name="done"/>
    /// of the answer and goes to <paramref name="next"/>; on a refusal, shows the problem on the page
    /// again, its data read again by <paramref name="reload"/> when it shows any.
    /// </summary>
    protected async Task<IActionResult> AnsweredAsync<T>(ApiResult<T> answer, Func<T, string> done, string next, Func<Task>? reload = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(done);
        if (!answer.Ok)
        {
            ShowProblem(answer.Problem!);
            return reload is null ? Page() : await PageAgainAsync(reload);
        }

        Done = done(answer.Value!);
        return LocalRedirect(next);
    }

    // The services' own patterns (Vocabulary): what the form lets through, the services accept.

    /// <summary>A subject id or an organisation id (one pattern).</summary>
    public static bool IsIdentifier(string? value) => value is not null && Vocabulary.OrgId().IsMatch(value);

    /// <summary>A purpose code.</summary>
    public static bool IsCode(string? value) => value is not null && Vocabulary.Purpose().IsMatch(value);

    public static bool IsCategory(string? value) => value is not null && Vocabulary.DataCategory().IsMatch(value);

    public static IReadOnlyList<string> SplitList(string? text) =>
        [.. (text ?? "").Split([',', '\n', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Reads a GOV.UK date input (day, month, year), or null with an error added for the field.</summary>
    protected DateTimeOffset? ReadDate(DateInput input, string field, string label, bool required)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.IsEmpty)
        {
            if (required) ModelState.AddModelError(field + ".Day", $"Enter {label}");
            return null;
        }

        if (!int.TryParse(input.Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ||
            !int.TryParse(input.Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ||
            !int.TryParse(input.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ||
            y is < 2000 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            ModelState.AddModelError(field + ".Day", $"{char.ToUpperInvariant(label[0])}{label[1..]} must be a real date, for example 27 3 2026");
            return null;
        }

        return new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero);
    }
}

/// <summary>The three boxes of a GOV.UK date input.</summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput Of(DateTimeOffset at) => new()
    {
        Day = at.UtcDateTime.Day.ToString(CultureInfo.InvariantCulture),
        Month = at.UtcDateTime.Month.ToString(CultureInfo.InvariantCulture),
        Year = at.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>A date input's field name (<c>Input.EffectiveFrom</c>), legend, value and hint (an example date when none), for the <c>_DateInput</c> partial.</summary>
public sealed record DateField(string Name, string Legend, DateInput Value, string? Hint = null);
