using ConsentPlatform.Fhir;
using Firely.Fhir.Validation;
using Hl7.Fhir.ElementModel;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Xunit;

namespace ConsentPlatform.Fhir.Tests;

/// <summary>
/// Firely's validator against the base R4 StructureDefinitions (the specification zip of
/// <c>Hl7.Fhir.Specification.Data.R4</c>) and the platform's own code systems and value sets.
/// Loading the specification takes seconds: one validator for the whole test run, shared by every
/// test class (it is safe to share: each call validates on its own).
/// </summary>
public static class R4Validator
{
    private static readonly Lazy<(Validator Validator, IStructureDefinitionSummaryProvider Types)> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The issues of severity error or fatal, each as text with its location; none means valid.</summary>
    public static IReadOnlyList<string> ErrorsOf(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return ErrorsOf(FhirJson.ToJson(resource));
    }

    /// <summary>
    /// The errors of FHIR JSON as served: parsed against the R4 StructureDefinitions themselves, not
    /// Firely's classes (which share some element types across FHIR versions: R4's
    /// <c>Bundle.link.relation</c> is a string, R5's a code), then validated.
    /// </summary>
    public static IReadOnlyList<string> ErrorsOf(string json)
    {
        var outcome = Outcome(json);
        return
        [
            .. outcome.Issue
                .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Select(i => $"{i.Code}: {i.Details?.Text ?? i.Diagnostics} at {string.Join(", ", i.Expression ?? [])}"),
        ];
    }

    /// <summary>Every issue (warnings and information too), for a test that wants to read them.</summary>
    public static OperationOutcome Outcome(string json)
    {
        var (validator, types) = Instance.Value;
        var element = ElementNode.FromElement(FhirJsonNode.Parse(json).ToTypedElement(types));
        return validator.Validate(element);
    }

    /// <summary>Fails, listing each error, unless the resource validates with zero errors.</summary>
    public static void AssertValid(Resource resource)
    {
        var errors = ErrorsOf(resource);
        Assert.True(errors.Count == 0, $"{resource.TypeName} has {errors.Count} validation error(s):\n{string.Join('\n', errors)}");
    }

    private static (Validator, IStructureDefinitionSummaryProvider) Create()
    {
        var platform = new InMemoryResourceResolver(
        [
            .. PlatformTerminology.CodeSystemIds.Select(id => (Resource)PlatformTerminology.CodeSystem(id)!),
            .. PlatformTerminology.CodeSystemIds.Select(id => (Resource)PlatformTerminology.ValueSet(id)!),
        ]);
        var resolver = new CachedResolver(new MultiResolver(ZipSource.CreateValidationSource(), platform));
        var terminology = LocalTerminologyService.CreateDefaultForCore(resolver.AsAsync());
        return (new Validator(resolver.AsAsync(), terminology), new StructureDefinitionSummaryProvider(resolver));
    }
}
