namespace ConsentPlatform.Consent.Tests;

/// <summary>
/// The one vocabulary a young carer reads (contracts/Vocabulary/PlainWords.cs): every code the
/// brief names, and every lawful basis the contracts can carry, has words of its own, and the
/// words are easy to read (Flesch reading ease of at least 70, GOV.UK's aim of a reading age of 9).
/// </summary>
public sealed partial class PlainWordsTests
{
    /// <summary>The brief's data categories (design brief, "Vocabulary").</summary>
    public static TheoryData<string> BriefCategories => new()
    {
        "identity.basic", "caring.role", "caring.hours", "education.attendance", "health.mental", "cared-for.condition", "involvement.contacts",
    };

    /// <summary>The brief's purposes.</summary>
    public static TheoryData<string> BriefPurposes => new() { "school-support", "gp-carer-register", "whole-family-support", "needs-assessment" };

    public static TheoryData<Article6Basis> Article6Bases => [.. Enum.GetValues<Article6Basis>()];

    public static TheoryData<Article9Condition> Article9Conditions => [.. Enum.GetValues<Article9Condition>()];

    [Theory]
    [MemberData(nameof(BriefCategories))]
    public void Every_category_of_the_brief_has_its_own_words(string code)
    {
        Assert.True(PlainWords.Categories.ContainsKey(code), $"{code} has no words");
        Assert.Equal(PlainWords.Categories[code], PlainWords.Category(code));
        Assert.DoesNotContain(code, PlainWords.Category(code), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BriefPurposes))]
    public void Every_purpose_of_the_brief_has_its_own_words(string code)
    {
        Assert.True(PlainWords.Purposes.ContainsKey(code), $"{code} has no words");
        Assert.Equal(PlainWords.Purposes[code], PlainWords.Purpose(code));
    }

    [Theory]
    [MemberData(nameof(Article6Bases))]
    public void Every_article_6_basis_has_its_own_words(Article6Basis basis)
    {
        var words = PlainWords.Article6(basis);

        Assert.False(string.IsNullOrWhiteSpace(words));
        Assert.DoesNotContain(basis.ToString(), words, StringComparison.Ordinal); // not the fallback that names the code
        Assert.Equal(words, PlainWords.LawfulBasis(new LawfulBasis(basis, null)));
    }

    [Theory]
    [MemberData(nameof(Article9Conditions))]
    public void Every_article_9_condition_has_its_own_words_after_the_article_6_basis(Article9Condition condition)
    {
        var words = PlainWords.Article9(condition);

        Assert.False(string.IsNullOrWhiteSpace(words));
        Assert.DoesNotContain(condition.ToString(), words, StringComparison.Ordinal);
        Assert.Equal($"{PlainWords.Article6(Article6Basis.PublicTask)} {words}", PlainWords.LawfulBasis(new LawfulBasis(Article6Basis.PublicTask, condition)));
    }

    [Fact]
    public void Every_description_is_easy_to_read()
    {
        var texts = PlainWords.Categories.Values
            .Concat(PlainWords.Purposes.Values)
            .Concat(Enum.GetValues<Article6Basis>().Select(PlainWords.Article6))
            .Concat(Enum.GetValues<Article9Condition>().Select(PlainWords.Article9));

        var hard = texts.Select(t => (Text: t, Score: ReadingEase(t))).Where(t => t.Score < 70).ToList();

        Assert.True(hard.Count == 0, "Harder to read than reading ease 70: " + string.Join(" | ", hard.Select(h => $"{h.Score:F0}: {h.Text}")));
    }

    [Fact]
    public void A_question_not_yet_answered_never_says_the_young_person_said_yes()
    {
        var consent = PlainWords.LawfulBasisAsked(new LawfulBasis(Article6Basis.Consent, null));
        var explicitConsent = PlainWords.LawfulBasisAsked(new LawfulBasis(Article6Basis.Consent, Article9Condition.ExplicitConsent));
        var publicTask = PlainWords.LawfulBasisAsked(new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare));

        Assert.Equal("It is only allowed if you say yes.", consent);
        Assert.DoesNotContain("You said", explicitConsent, StringComparison.Ordinal);
        Assert.StartsWith("It is only allowed if you say yes. Some of it is extra private", explicitConsent, StringComparison.Ordinal);
        Assert.Equal(PlainWords.LawfulBasis(new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare)), publicTask);
        Assert.True(ReadingEase(explicitConsent) >= 70, explicitConsent);
    }

    [Fact]
    public void A_code_the_vocabulary_does_not_know_is_named_never_hidden()
    {
        Assert.Contains("transport.needs", PlainWords.Category("transport.needs"), StringComparison.Ordinal);
        Assert.Equal("For holiday club.", PlainWords.Purpose("holiday-club"));
    }

    [Fact]
    public void An_agreements_own_description_of_its_purpose_comes_before_the_vocabulary()
    {
        Assert.Equal("So your school can help you with homework.", PlainWords.Purpose("school-support", "So your school can help you with homework."));
        Assert.Equal(PlainWords.Purposes["school-support"], PlainWords.Purpose("school-support", "  "));
    }

    /// <summary>
    /// Flesch reading ease, 206.835 − 1.015 × words per sentence − 84.6 × syllables per word, with
    /// syllables counted as groups of vowels (a silent final "e" not counted, at least one per word):
    /// rough, as every count of syllables by rule is, and the same rule for every text.
    /// </summary>
    private static double ReadingEase(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();
        var sentences = Math.Max(1, SentenceEnd().Matches(text).Count);
        var syllables = words.Sum(Syllables);
        return 206.835 - (1.015 * words.Count / sentences) - (84.6 * syllables / words.Count);
    }

    private static int Syllables(string word)
    {
        var groups = VowelGroup().Matches(word).Count;
        if (word.Length > 2 && word.EndsWith('e') && !word.EndsWith("le", StringComparison.Ordinal) && groups > 1) groups--;
        return Math.Max(1, groups);
    }

    [GeneratedRegex("[A-Za-z']+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[.!?]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroup();
}
