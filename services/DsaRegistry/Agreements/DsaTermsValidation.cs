using static ConsentPlatform.Hosting.Validation.DsaTermLimits;

namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>
/// What makes a DSA valid (the contents the ICO data sharing code expects), checked on create
/// and amend and again on activation. Returns every error, keyed by the JSON path of the field
/// (<c>purposes[0].description</c>); an empty result means the terms are valid.
/// </summary>
public static class DsaTermsValidation
{
    /// <summary>Categories of special category data (health of the young carer or the person cared for): they need an article 9 condition.</summary>
    public static readonly IReadOnlyList<string> SpecialCategoryPrefixes = ["health.", "cared-for."];

    public static IReadOnlyDictionary<string, string[]> Validate(DsaTerms? terms)
    {
        var errors = new FieldErrors();
        if (terms is null)
        {
            errors.Add("$", "A body with the DSA's terms is required.");
            return errors.ToDictionary();
        }

        ValidateTitle(terms.Title, errors);
        ValidateParties(terms.Parties, errors);
        ValidatePurposes(terms.Purposes, errors);
        ValidateWindow(terms, errors);
        ValidateRetention(terms.RetentionDays, errors);
        ValidateReview(terms, errors);
        return errors.ToDictionary();
    }

    private static void ValidateTitle(string? title, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("title", "A title is required.");
        }
        else if (title.Trim().Length > MaxTitleLength)
        {
            errors.Add("title", $"The title must be at most {MaxTitleLength} characters.");
        }
    }

    private static void ValidateParties(IReadOnlyList<PartyTerms?>? parties, FieldErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var roles = new List<DsaPartyRole>();
        var listed = EachItem(parties, "parties", "At least one provider and one recipient are required.", "A party is required.", errors, (key, party) =>
        {
            UniqueCode(party.OrgId, Vocabulary.OrgId(), seen, $"{key}.orgId", "The organisation id must be 1 to 64 letters, digits or hyphens.", "Organisation", errors);
            if (string.IsNullOrWhiteSpace(party.Name))
            {
                errors.Add($"{key}.name", "The organisation's name is required.");
            }
            else if (party.Name.Trim().Length > MaxNameLength)
            {
                errors.Add($"{key}.name", $"The organisation's name must be at most {MaxNameLength} characters.");
            }

            if (WireNames.Parse<DsaPartyRole>(party.Role) is { } role)
            {
                roles.Add(role);
            }
            else
            {
                errors.Add($"{key}.role", $"The role must be one of: {string.Join(", ", WireNames.All<DsaPartyRole>())}.");
            }
        });
        if (!listed) return;

        if (!roles.Any(r => r is DsaPartyRole.Provider or DsaPartyRole.Both))
        {
            errors.Add("parties", "At least one party must be a provider (or both).");
        }

        if (!roles.Any(r => r is DsaPartyRole.Recipient or DsaPartyRole.Both))
        {
            errors.Add("parties", "At least one party must be a recipient (or both).");
        }
    }

    private static void ValidatePurposes(IReadOnlyList<PurposeTerms?>? purposes, FieldErrors errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        EachItem(purposes, "purposes", "At least one purpose is required.", "A purpose is required.", errors, (key, purpose) =>
        {
            UniqueCode(purpose.Code, Vocabulary.Purpose(), seen, $"{key}.code", "The purpose code must be 1 to 64 lower-case letters, digits or hyphens.", "Purpose", errors);
            var description = purpose.Description?.Trim();
            if (string.IsNullOrEmpty(description) || description.Length < MinDescriptionLength)
            {
                errors.Add($"{key}.description", $"A plain-English description of at least {MinDescriptionLength} characters is required: the young person reads it.");
            }
            else if (description.Length > MaxDescriptionLength)
            {
                errors.Add($"{key}.description", $"The description must be at most {MaxDescriptionLength} characters.");
            }

            var special = ValidateCategories(purpose.DataCategories, key, errors);
            ValidateLawfulBasis(purpose, special, key, errors);
            ValidateJustifications(purpose, key, errors);
        });
    }

    /// <summary>Returns whether any category is special category data.</summary>
    private static bool ValidateCategories(IReadOnlyList<string?>? categories, string key, FieldErrors errors)
    {
        const string malformed = "A data category must be 1 to 64 lower-case letters, digits, dots or hyphens.";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var special = false;
        EachItem(categories, $"{key}.dataCategories", "At least one data category is required.", malformed, errors, (itemKey, category) =>
        {
            if (UniqueCode(category, Vocabulary.DataCategory(), seen, itemKey, malformed, "Category", errors)) special |= IsSpecialCategory(category);
        });
        return special;
    }

    /// <summary>
    /// A list that must hold at least one item (else <paramref name="empty"/> on <paramref name="field"/>),
    /// each checked by <paramref name="check"/> under its own key <c>field[i]</c>; a null item is refused
    /// with <paramref name="missing"/>. Returns whether the list had any item.
    /// </summary>
    private static bool EachItem<T>(IReadOnlyList<T?>? items, string field, string empty, string missing, FieldErrors errors, Action<string, T> check)
        where T : class
    {
        if (items is null || items.Count == 0)
        {
            errors.Add(field, empty);
            return false;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var key = $"{field}[{i}]";
            if (items[i] is { } item) check(key, item);
            else errors.Add(key, missing);
        }

        return true;
    }

    /// <summary>
    /// The code of a list's item, refused under <paramref name="key"/> when it does not match
    /// <paramref name="pattern"/> (<paramref name="malformed"/>) or was met before in the same list
    /// (<c>{what} {code} is listed more than once.</c>). Returns whether it is well formed.
    /// </summary>
    private static bool UniqueCode(string? code, Regex pattern, HashSet<string> seen, string key, string malformed, string what, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(code) || !pattern.IsMatch(code))
        {
            errors.Add(key, malformed);
            return false;
        }

        if (!seen.Add(code)) errors.Add(key, $"{what} {code} is listed more than once.");
        return true;
    }

    private static void ValidateLawfulBasis(PurposeTerms purpose, bool special, string key, FieldErrors errors)
    {
        var basis = purpose.LawfulBasis;
        var article6 = WireNames.Parse<Article6Basis>(basis?.Article6);
        if (article6 is null)
        {
            errors.Add($"{key}.lawfulBasis.article6", $"An article 6 basis is required, one of: {string.Join(", ", WireNames.All<Article6Basis>())}.");
        }

        if (basis?.Article9 is not null && WireNames.Parse<Article9Condition>(basis.Article9) is null)
        {
            errors.Add($"{key}.lawfulBasis.article9", $"The article 9 condition must be one of: {string.Join(", ", WireNames.All<Article9Condition>())}.");
        }
        else if (special && basis?.Article9 is null)
        {
            errors.Add($"{key}.lawfulBasis.article9", "Categories under health. or cared-for. are special category data: an article 9 condition is required.");
        }

        if (article6 == Article6Basis.Consent && !purpose.RequiresConsent)
        {
            errors.Add($"{key}.requiresConsent", "A purpose whose article 6 basis is consent must require consent.");
        }
    }

    /// <summary>
    /// Issue 17, necessity and proportionality: a justification names one of the purpose's own
    /// categories and says enough to be read (20 to 1000 characters); special category data and
    /// family members' data (<see cref="SpecialCategoryPrefixes"/>) cannot be shared without one.
    /// Errors are keyed <c>purposes[0].justifications[health.mental]</c>.
    /// </summary>
    private static void ValidateJustifications(PurposeTerms purpose, string key, FieldErrors errors)
    {
        var categories = (purpose.DataCategories ?? []).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var given = purpose.Justifications ?? new Dictionary<string, string?>();
        foreach (var (category, justification) in given)
        {
            var field = $"{key}.justifications[{FreeText.Printable(category)}]";
            if (!categories.Contains(category))
            {
                errors.Add(field, "A justification must be for one of this purpose's data categories.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(justification))
            {
                continue; // blank is the same as none; required ones are caught below
            }

            var text = justification.Trim();
            if (!FreeText.IsAcceptable(text))
            {
                errors.Add(field, FreeText.Requirement);
            }
            else if (text.Length < MinJustificationLength)
            {
                errors.Add(field, $"Say in at least {MinJustificationLength} characters why this item is necessary for the purpose and why less would not do.");
            }
            else if (text.Length > MaxJustificationLength)
            {
                errors.Add(field, $"The justification must be at most {MaxJustificationLength} characters.");
            }
        }

        foreach (var category in categories.Where(IsSpecialCategory))
        {
            if (!given.TryGetValue(category, out var justification) || string.IsNullOrWhiteSpace(justification))
            {
                errors.Add(
                    $"{key}.justifications[{category}]",
                    category.StartsWith("health.", StringComparison.Ordinal)
                        ? "Health data is special category data: say why this item is necessary for the purpose and why less would not do."
                        : "This is data about a family member: say why this item is necessary for the purpose and why less would not do.");
            }
        }
    }

    private static void ValidateWindow(DsaTerms terms, FieldErrors errors)
    {
        if (terms.EffectiveFrom is null)
        {
            errors.Add("effectiveFrom", "The date the agreement takes effect is required.");
        }

        if (terms.EffectiveTo is null)
        {
            errors.Add("effectiveTo", "The date the agreement ends is required.");
        }

        if (terms.EffectiveFrom is { } from && terms.EffectiveTo is { } to && from >= to)
        {
            errors.Add("effectiveTo", "The agreement must end after it takes effect.");
        }
    }

    /// <summary>Issue 17: the DPIA's reference (optional, at most 100 characters) and a review date after the agreement takes effect.</summary>
    private static void ValidateReview(DsaTerms terms, FieldErrors errors)
    {
        if (terms.DpiaReference is { } dpia && dpia.Trim().Length > MaxDpiaReferenceLength)
        {
            errors.Add("dpiaReference", $"The DPIA reference must be at most {MaxDpiaReferenceLength} characters.");
        }

        if (terms.ReviewBy is { } review && terms.EffectiveFrom is { } from && review <= from)
        {
            errors.Add("reviewBy", "The review date must be after the agreement takes effect.");
        }
    }

    private static void ValidateRetention(int? retentionDays, FieldErrors errors)
    {
        if (retentionDays is not (>= MinRetentionDays and <= MaxRetentionDays))
        {
            errors.Add("retentionDays", $"Retention must be {MinRetentionDays} to {MaxRetentionDays} days.");
        }
    }

    public static bool IsSpecialCategory(string category) =>
        SpecialCategoryPrefixes.Any(prefix => category.StartsWith(prefix, StringComparison.Ordinal));
}
