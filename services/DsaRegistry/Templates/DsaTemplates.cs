namespace ConsentPlatform.DsaRegistry.Templates;

/// <summary>
/// The registry's templates for young carers' sharing in England, and drafting from one. Each is
/// written from the duty that makes the sharing lawful; the service README lists where every
/// lawful basis comes from. The young person's words (each purpose's description) are short and
/// plain: the consent explanation shows them as they are. Every template is valid as it stands
/// (the ICO content rules of <see cref="DsaTermsValidation"/>, a justification for every special
/// category and family member's item), which the tests check template by template.
/// </summary>
public static class DsaTemplates
{
    private static readonly LawfulBasis PublicTaskForCare = new(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare);

    private const string IdentityWhy =
        "The organisation receiving the information must know which young person it is about, to keep it on the right record and not mix up two children; a name and date of birth are the least that identify a child reliably.";

    private const string CaringRoleWhy =
        "The support is for the caring the young person does; without knowing that they care and for whom, the recipient cannot offer it, and nothing less than the fact of caring would do.";

    public static IReadOnlyList<DsaTemplate> All { get; } =
    [
        new(
            "young-carers-needs-assessment",
            "Young carers' needs assessment: information for the local authority",
            "A school, GP practice or young carers' service tells the local authority what it knows when a young carer is assessed, so the child does not have to tell their story again.",
            [
                "Children Act 1989 ss.17ZA–17ZC, inserted by the Children and Families Act 2014 s.96: the local authority must assess a young carer's needs for support on request or where it appears they may have needs, and must look at their wellbeing, education and whether the caring is appropriate.",
                "The Young Carers (Needs Assessments) Regulations 2015 (SI 2015/527): the assessment considers the amount, nature and type of care and involves the young carer.",
                "UK GDPR article 6(1)(e) public task, with the Data Protection Act 2018 s.8 (a function conferred by an enactment); article 9(2)(h) health or social care, with the Data Protection Act 2018 Schedule 1 paragraph 2.",
                "Consent is asked as a safeguard, not as the lawful basis: the ICO advises public authorities not to rely on consent where they act under a duty, and the young person still decides what is shared.",
            ],
            [new("School, GP practice or young carers' service", DsaPartyRole.Provider), new("Local authority children's services", DsaPartyRole.Recipient)],
            [
                new(
                    "needs-assessment",
                    "So the council can work out what help you need as a young carer. It means you do not have to tell your story again.",
                    ["identity.basic", "caring.role", "caring.hours", "education.attendance", "health.mental", "cared-for.condition"],
                    PublicTaskForCare,
                    RequiresConsent: true,
                    AllowsSafeguardingOverride: true,
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["identity.basic"] = IdentityWhy,
                        ["caring.role"] = "The assessment is of the caring the young person does (Children Act 1989 s.17ZA); the council cannot judge whether it is appropriate without knowing that they care and for whom.",
                        ["caring.hours"] = "The regulations ask the council to consider the amount of care provided; how much time is spent caring is that fact, and a yes or no would not show whether it is excessive.",
                        ["education.attendance"] = "The assessment must consider whether the young person wishes to take part in education (s.17ZB); attendance shows the effect of caring on school, which no other item shows.",
                        ["health.mental"] = "The assessment must consider the young carer's wellbeing and whether the caring harms them (s.17ZB); how they are feeling is that evidence. A short summary is shared, never clinical records.",
                        ["cared-for.condition"] = "Whether caring is appropriate depends on why the person needs care; a short description of the condition, not their records, is the least that lets the council judge that and plan support.",
                    }),
            ],
            RetentionDays: 365),
        new(
            "care-act-transition-assessment",
            "Young carers approaching 18: transition assessment",
            "Children's services and the young carers' service share what adult social care needs to assess a young carer before they turn 18, so that support does not stop on their birthday.",
            [
                "Care Act 2014 ss.63–64: a local authority must assess a young carer before they turn 18 where they are likely to have needs for support after 18 and the assessment would be of significant benefit.",
                "The Care and Support (Assessment) Regulations 2014 and the Care and Support Statutory Guidance, chapter 16 (transition to adult care and support).",
                "UK GDPR article 6(1)(e) public task, with the Data Protection Act 2018 s.8; article 9(2)(h) health or social care, with the Data Protection Act 2018 Schedule 1 paragraph 2.",
                "Consent is asked as a safeguard, not as the lawful basis, and no safeguarding override: transition planning is never urgent enough to go ahead without the young person.",
            ],
            [new("Local authority children's services or young carers' service", DsaPartyRole.Provider), new("Local authority adult social care", DsaPartyRole.Recipient)],
            [
                new(
                    "transition-assessment",
                    "So the council can plan the help you will need as a carer when you turn 18, before you get there.",
                    ["identity.basic", "caring.role", "caring.hours", "health.mental", "cared-for.condition"],
                    PublicTaskForCare,
                    RequiresConsent: true,
                    AllowsSafeguardingOverride: false,
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["identity.basic"] = IdentityWhy,
                        ["caring.role"] = "A transition assessment is for a young carer (Care Act 2014 s.63); adult social care needs to know that the young person cares and for whom to decide whether it must assess them.",
                        ["caring.hours"] = "Whether the young carer is likely to have needs after 18 depends on how much caring they do; the hours are that evidence, and nothing less shows it.",
                        ["health.mental"] = "The assessment must consider the young carer's wellbeing after 18; how they are feeling now is the best sign of it. A short summary is shared, never clinical records.",
                        ["cared-for.condition"] = "Adult support is planned around the care the person needs; a short description of the condition, not their records, is the least that lets the council plan it.",
                    }),
            ],
            RetentionDays: 365),
        new(
            "gp-carers-register",
            "GP carers register: telling the young carer's GP practice",
            "With the young person's explicit consent, the local authority, school or young carers' service tells their GP practice that they are a carer, so the practice can add them to its carers register.",
            [
                "Health and Care Act 2022: the duties it placed in the NHS Act 2006 on integrated care boards to promote the involvement of patients and their carers in decisions about their care (s.14Z45) and on NHS bodies to involve carers in discharge planning (s.12ZC).",
                "NHS England's guidance for general practice on identifying and supporting carers, which asks practices to keep a register of carers, young carers included.",
                "UK GDPR article 6(1)(a) consent and article 9(2)(a) explicit consent: being on a carers register is the young person's choice, so nothing is shared without their clear yes, and no safeguarding override.",
            ],
            [new("Local authority, school or young carers' service", DsaPartyRole.Provider), new("GP practice", DsaPartyRole.Recipient)],
            [
                new(
                    "gp-carer-register",
                    "So your doctor knows you are a carer and can look after your health too.",
                    ["identity.basic", "caring.role", "caring.hours", "health.mental"],
                    new LawfulBasis(Article6Basis.Consent, Article9Condition.ExplicitConsent),
                    RequiresConsent: true,
                    AllowsSafeguardingOverride: false,
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["identity.basic"] = "The practice must match the young person to their own patient record before adding them to the register; name and date of birth are the least that do that safely.",
                        ["caring.role"] = "The register is of carers; the practice needs to know that the young person cares, and for whom, to add them and offer the right checks.",
                        ["caring.hours"] = "How much caring the young person does tells the practice how much it may affect their health, which decides the offer (a health check, flexible appointments); a yes or no would not.",
                        ["health.mental"] = "Caring affects young carers' mental health; telling the practice how they are feeling, only if they say yes to it, lets the GP offer help early. A short summary is shared, never records.",
                    }),
            ],
            RetentionDays: 365),
        new(
            "school-support",
            "Support at school: the local authority and the school",
            "The local authority and the young carer's school share what the school needs to give the young carer time and support, and what the council needs to see how school is going.",
            [
                "Children and Families Act 2014 s.96 (Children Act 1989 ss.17ZA–17ZC): the local authority's duties to identify young carers and assess their needs, including their education.",
                "Education Act 2002 s.175 (maintained schools and local authorities) and s.157 with the Education (Independent School Standards) Regulations 2014 (academies and independent schools): the duty to safeguard and promote the welfare of pupils; the Department for Education's Keeping children safe in education.",
                "UK GDPR article 6(1)(e) public task, with the Data Protection Act 2018 s.8. No special category data is shared under this template.",
            ],
            [new("Local authority", DsaPartyRole.Both), new("School", DsaPartyRole.Both)],
            [
                new(
                    "school-support",
                    "So your school can give you extra time and support when caring gets heavy.",
                    ["identity.basic", "caring.role", "caring.hours", "education.attendance"],
                    new LawfulBasis(Article6Basis.PublicTask, null),
                    RequiresConsent: true,
                    AllowsSafeguardingOverride: true,
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["identity.basic"] = IdentityWhy,
                        ["caring.role"] = CaringRoleWhy,
                        ["caring.hours"] = "The school adjusts homework deadlines and gives time to the young carer according to how much caring they do; without the hours it cannot judge what is fair.",
                        ["education.attendance"] = "The council's assessment must consider the young carer's education; attendance is the fact that shows whether caring keeps them from school.",
                    }),
            ],
            RetentionDays: 365),
        new(
            "whole-family-support",
            "Whole-family support: the local authority and a family support service",
            "The local authority and a family support service share what they need to plan help for the whole family, so that a young carer's caring is reduced by support for the person they care for.",
            [
                "Children Act 1989 s.17 (children in need) and s.17ZA (young carers' needs assessments, inserted by the Children and Families Act 2014 s.96).",
                "Care Act 2014 s.10 (carers' assessments) and the Care and Support (Assessment) Regulations 2014 reg.4: when assessing an adult, the local authority must consider the impact of their needs on any young carer (the whole-family approach).",
                "UK GDPR article 6(1)(e) public task, with the Data Protection Act 2018 s.8; article 9(2)(h) health or social care, with the Data Protection Act 2018 Schedule 1 paragraph 2.",
            ],
            [new("Local authority (children's and adult social care)", DsaPartyRole.Both), new("Family support service or charity", DsaPartyRole.Both)],
            [
                new(
                    "whole-family-support",
                    "So the council can plan help for your whole family, not just for you.",
                    ["identity.basic", "caring.role", "caring.hours", "cared-for.condition", "involvement.contacts"],
                    PublicTaskForCare,
                    RequiresConsent: true,
                    AllowsSafeguardingOverride: true,
                    new Dictionary<string, string>(StringComparer.Ordinal)
                    {
                        ["identity.basic"] = IdentityWhy,
                        ["caring.role"] = CaringRoleWhy,
                        ["caring.hours"] = "Planning help for the family means taking caring off the young person; how much they do is the measure of what the support must replace.",
                        ["cared-for.condition"] = "The family's plan is built around the support the person cared for needs (Care Act 2014 reg.4 whole-family approach); a short description of the condition, not their records, is the least that lets it be planned.",
                        ["involvement.contacts"] = "A whole-family plan joins up the people already helping; knowing who they are avoids duplicate visits and gaps, and nothing less than their names and roles would do.",
                    }),
            ],
            RetentionDays: 365),
    ];

    public static DsaTemplate? Find(string? id) =>
        All.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// The terms to draft: without a <c>templateId</c>, as given; with one, the template fills the
    /// title, the purposes and the retention the body leaves out (what the body gives wins: it is
    /// still the officer's agreement). An unknown template is an error on <c>templateId</c> in
    /// <paramref name="errors"/> naming the ids there are (the terms come back as given).
    /// </summary>
    public static DsaTerms? Fill(FieldErrors errors, DsaTerms? terms)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (terms?.TemplateId is not { } id)
        {
            return terms;
        }

        if (Find(id) is not { } template)
        {
            errors.Add("templateId", $"There is no template '{FreeText.Printable(id)}'. GET /api/dsas/templates lists them: {string.Join(", ", All.Select(t => t.Id))}.");
            return terms;
        }

        var fromTemplate = DsaTerms.From(new DsaContent(
            template.Title, [], template.Purposes, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, template.RetentionDays));
        return terms with
        {
            Title = terms.Title ?? fromTemplate.Title,
            Purposes = terms.Purposes ?? fromTemplate.Purposes,
            RetentionDays = terms.RetentionDays ?? fromTemplate.RetentionDays,
        };
    }
}
