namespace ConsentPlatform.Contracts.Vocabulary;

/// <summary>
/// The platform's codes in plain words for a young person: short words, short sentences (GOV.UK
/// aims at a reading age of 9). The one vocabulary that every view a young carer reads takes its
/// words from: the consent service's explanations and receipts, and the portal's pages. Here, beside the
/// contracts, because the words describe the contracts' own codes, and every service and the portal
/// already reference this project. A code this build does not know is described by its own name,
/// never left out or guessed at.
/// </summary>
public static class PlainWords
{
    /// <summary>
    /// The brief's data categories, as the end of "They can see …": lower case, no full stop, so a
    /// page can list them. The portal's pages take them from here too (portal/Govuk/Words.cs).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Categories { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["identity.basic"] = "your name and date of birth",
        ["caring.role"] = "that you are a young carer and who you look after",
        ["caring.hours"] = "how much time you spend caring",
        ["education.attendance"] = "how often you are at school",
        ["health.mental"] = "how you are feeling (your mental health)",
        ["cared-for.condition"] = "why the person you look after needs care",
        ["involvement.contacts"] = "the other people and groups who help you",
    };

    /// <summary>The brief's purposes, each a sentence that answers "why?".</summary>
    public static IReadOnlyDictionary<string, string> Purposes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["school-support"] = "So your school can give you extra time and support when caring gets heavy.",
        ["gp-carer-register"] = "So your doctor knows you are a carer and can look after your health too.",
        ["whole-family-support"] = "So the council can plan help for your whole family, not just for you.",
        ["needs-assessment"] = "So the council can work out what help you need as a young carer.",
        ["transition-assessment"] = "So the council can plan the help you will need as a carer when you turn 18.",
    };

    /// <summary>What a category means, or, for a code this vocabulary does not know, its name.</summary>
    public static string Category(string code) =>
        code is not null && Categories.TryGetValue(code, out var words) ? words : $"what the agreement calls {code}";

    /// <summary>
    /// Why the data is shared. The agreement's own description comes first: its authors write it for
    /// the young person (a DSA purpose's <c>description</c>), and it says what this agreement is
    /// for. Without one, the vocabulary's words; without those, the code in words.
    /// </summary>
    public static string Purpose(string code, string? agreementDescription = null) =>
        !string.IsNullOrWhiteSpace(agreementDescription) ? agreementDescription
        : code is not null && Purposes.TryGetValue(code, out var words) ? words
        : $"For {code?.Replace('-', ' ')}.";

    /// <summary>Why the law allows the sharing: the article 6 basis, then, for private data such as health, the article 9 condition.</summary>
    public static string LawfulBasis(LawfulBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        return basis.Article9 is { } condition ? $"{Article6(basis.Article6)} {Article9(condition)}" : Article6(basis.Article6);
    }

    /// <summary>
    /// The same for a question not yet answered (a proposal): the consent bases say that it is
    /// allowed only if the young person says yes, never that they did.
    /// </summary>
    public static string LawfulBasisAsked(LawfulBasis basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var article6 = basis.Article6 == Article6Basis.Consent ? "It is only allowed if you say yes." : Article6(basis.Article6);
        var article9 = basis.Article9 switch
        {
            null => null,
            Article9Condition.ExplicitConsent => "Some of it is extra private, like health. They need a clear yes from you for that too.",
            { } condition => Article9(condition),
        };
        return article9 is null ? article6 : $"{article6} {article9}";
    }

    /// <summary>UK GDPR article 6(1): why the law allows the sharing at all.</summary>
    public static string Article6(Article6Basis basis) => basis switch
    {
        Article6Basis.Consent => "You said yes to this. You can change your mind at any time.",
        Article6Basis.Contract => "It is needed for a deal that you agreed to.",
        Article6Basis.LegalObligation => "The law says that they must do this.",
        Article6Basis.VitalInterests => "It is needed to keep someone alive or safe from great harm.",
        Article6Basis.PublicTask => "It is part of the job that the law gives them.",
        Article6Basis.LegitimateInterests => "They have a good reason, and it is fair to you.",
        _ => $"The agreement gives the reason \"{basis}\".",
    };

    /// <summary>UK GDPR article 9(2): why the law allows sharing things that are extra private, such as health.</summary>
    public static string Article9(Article9Condition condition) => condition switch
    {
        Article9Condition.ExplicitConsent => "Some of it is extra private, like health. You said a clear yes to that too.",
        Article9Condition.EmploymentSocialSecurity => "Some of it is extra private, like health. The law on work and benefits lets them share it.",
        Article9Condition.VitalInterests => "Some of it is extra private, like health. It is shared to keep someone safe from great harm.",
        Article9Condition.NotForProfitBodies => "Some of it is extra private, like health. A charity you belong to may use it to help you.",
        Article9Condition.MadePublicByDataSubject => "Some of it is extra private, like health. You had made it public yourself.",
        Article9Condition.LegalClaims => "Some of it is extra private, like health. It is needed for a court case.",
        Article9Condition.SubstantialPublicInterest => "Some of it is extra private, like health. The law lets them share it because it helps lots of people.",
        Article9Condition.HealthOrSocialCare => "Some of it is extra private, like health. It is shared so that you and your family can get care.",
        Article9Condition.PublicHealth => "Some of it is extra private, like health. It is shared to keep everyone well.",
        Article9Condition.ArchivingResearchStatistics => "Some of it is extra private, like health. It is only used for research or to count things, and kept safe.",
        _ => $"Some of it is extra private, like health. The agreement gives the reason \"{condition}\".",
    };
}
