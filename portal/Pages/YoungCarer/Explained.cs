namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// A consent with its explanation, as the young carer's pages show it. <see cref="Explanation"/> is
/// null when the platform could not say (the DSA registry did not answer): the page says so and
/// shows no guess.
/// </summary>
public sealed record Explained(ConsentResponse Consent, ConsentExplanation? Explanation)
{
    /// <summary>Why it is shared, in the agreement's words when one covers it, else the platform's vocabulary.</summary>
    public string Why => Explanation?.Purpose.Description ?? Govuk.Words.Purpose(Consent.Purpose);

    /// <summary>
    /// Why the law allows it, in plain words. For a proposal not yet answered, a consent basis says
    /// that it needs a yes (<see cref="PlainWords.LawfulBasisAsked"/>), not that a yes was given.
    /// </summary>
    public string? LawfulBasisWords =>
        Explanation?.LawfulBasis is not { } basis ? null
        : Consent.Status == ConsentStatus.Proposed ? PlainWords.LawfulBasisAsked(new LawfulBasis(basis.Article6, basis.Article9))
        : basis.Description;

    /// <summary>The explanation of each consent, asked for all at once (a young carer has a handful).</summary>
    public static async Task<IReadOnlyList<Explained>> AllAsync(PlatformApi api, IEnumerable<ConsentResponse> consents)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(consents);
        return await Task.WhenAll(consents.Select(c => OneAsync(api, c)));
    }

    public static async Task<Explained> OneAsync(PlatformApi api, ConsentResponse consent)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(consent);
        var explanation = await api.GetAsync<ConsentExplanation>($"/api/consents/{consent.Id}/explanation");
        return new Explained(consent, explanation.Ok ? explanation.Value : null);
    }
}
