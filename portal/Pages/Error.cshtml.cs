namespace ConsentPlatform.Portal.Pages;

/// <summary>Every failure ends here, in words: never a stack trace, in any environment.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? 500;
        // Also when reached by a redirect (access denied): the status says what the page says.
        Response.StatusCode = Code is >= 400 and < 600 ? Code : 500;
    }
}
