using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace ConsentPlatform.Fhir;

/// <summary>
/// FHIR R4 JSON (<c>application/fhir+json</c>), written by Firely's serializer: the only way a
/// resource leaves the facade, so every answer under <c>/fhir</c> is a resource the SDK built.
/// </summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    /// <summary>What every answer under <c>/fhir</c> declares (R4 is FHIR version 4.0).</summary>
    public const string ContentType = "application/fhir+json; fhirVersion=4.0; charset=utf-8";

    /// <summary>FHIR R4's version, as a CapabilityStatement and the <c>fhirVersion</c> media-type parameter name it.</summary>
    public const string FhirVersion = "4.0.1";

    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    public static byte[] Serialize(Resource resource) => Serializer.SerializeToBytes(resource);

    public static string ToJson(Resource resource) => Serializer.SerializeToString(resource);
}

/// <summary>
/// A FHIR resource as the answer of a minimal-API endpoint, with FHIR's headers: <c>ETag: W/"n"</c>
/// and <c>Last-Modified</c> for a versioned resource (read and vread), as the RESTful API asks.
/// </summary>
public sealed class FhirResult(Resource resource, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public Resource Resource { get; } = resource;

    public int? StatusCode => statusCode;

    public string ContentType => FhirJson.ContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = FhirJson.ContentType;
        if (Resource is not Bundle && Resource.Meta?.VersionId is { } versionId)
        {
            response.Headers.ETag = $"W/\"{versionId}\"";
        }

        if (Resource is not Bundle && Resource.Meta?.LastUpdated is { } lastUpdated)
        {
            response.Headers.LastModified = HeaderUtilities.FormatDate(lastUpdated);
        }

        var body = FhirJson.Serialize(Resource);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(System.Reflection.MethodInfo method, Microsoft.AspNetCore.Builder.EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(FhirResource), [FhirJson.MediaType]));
    }
}

/// <summary>How the OpenAPI documents name a FHIR resource: any R4 resource as FHIR JSON (its schema is the FHIR specification's).</summary>
public sealed record FhirResource(string ResourceType);

/// <summary>What the OpenAPI documents say of a FHIR endpoint's errors: each an OperationOutcome in FHIR JSON.</summary>
public static class FhirOpenApi
{
    public static RouteHandlerBuilder ProducesOutcomes(this RouteHandlerBuilder builder, params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses) builder.Produces(status, typeof(FhirResource), FhirJson.MediaType);
        return builder;
    }
}
