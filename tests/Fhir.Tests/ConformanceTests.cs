using Hl7.Fhir.Model;

namespace ConsentPlatform.Fhir.Tests;

public sealed class ConformanceTests
{
    [Fact]
    public void The_capability_statement_validates_with_zero_errors()
    {
        R4Validator.AssertValid(FhirCapability.Statement());
    }

    [Fact]
    public void The_capability_statement_lists_exactly_what_the_facade_supports()
    {
        var rest = Assert.Single(FhirCapability.Statement().Rest);
        Assert.Equal(["Consent", "AuditEvent", "CodeSystem", "ValueSet"], rest.Resource.Select(r => r.Type));
        var consent = rest.Resource[0];
        Assert.Equal(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.Vread, CapabilityStatement.TypeRestfulInteraction.HistoryInstance, CapabilityStatement.TypeRestfulInteraction.SearchType],
            consent.Interaction.Select(i => i.Code!.Value));
        Assert.Equal(["patient", "status"], consent.SearchParam.Select(p => p.Name));
        Assert.Equal(["entity", "patient", "date"], rest.Resource[1].SearchParam.Select(p => p.Name));
        // Read-only: nothing at the system level (no transaction, batch, history or search-system).
        Assert.Empty(rest.Interaction);
    }

    public static TheoryData<string> CodeSystems => [.. PlatformTerminology.CodeSystemIds];

    [Theory]
    [MemberData(nameof(CodeSystems))]
    public void Each_code_system_and_its_value_set_validate_with_zero_errors(string id)
    {
        var system = PlatformTerminology.CodeSystem(id)!;
        var valueSet = PlatformTerminology.ValueSet(id)!;
        R4Validator.AssertValid(system);
        R4Validator.AssertValid(valueSet);
        Assert.Equal($"{PlatformTerminology.CanonicalBase}/CodeSystem/{id}", system.Url);
        Assert.Equal(system.Url, Assert.Single(valueSet.Compose!.Include).System);
        Assert.Equal(system.Concept.Count, system.Count);
    }

    [Fact]
    public void Purposes_and_categories_are_fragments_because_agreements_may_define_more()
    {
        Assert.Equal(CodeSystemContentMode.Fragment, PlatformTerminology.CodeSystem(PlatformTerminology.PurposeId)!.Content);
        Assert.Equal(CodeSystemContentMode.Fragment, PlatformTerminology.CodeSystem(PlatformTerminology.DataCategoryId)!.Content);
        Assert.Contains(PlatformTerminology.CodeSystem(PlatformTerminology.PurposeId)!.Concept, c => c.Code == "school-support");
        Assert.Contains(PlatformTerminology.CodeSystem(PlatformTerminology.DataCategoryId)!.Concept, c => c.Code == "caring.role");
    }

    [Fact]
    public void An_unknown_code_system_is_none()
    {
        Assert.Null(PlatformTerminology.CodeSystem("nope"));
        Assert.Null(PlatformTerminology.ValueSet("nope"));
    }
}
