namespace ConsentPlatform.DsaRegistry.Templates;

/// <summary>
/// <c>GET /api/dsas/templates</c>: the ready agreements an IG officer can draft from (issue 17).
/// Only IG officers: they are the ones who author agreements (least privilege; the templates hold
/// nothing secret, but nobody else has a use for them).
/// </summary>
public static class ListTemplates
{
    public static RouteGroupBuilder MapListTemplates(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/templates", Handle, "ListDsaTemplates", policy: PlatformRoles.IgOfficer,
            summary: "The ready agreements for young carers' sharing an IG officer can draft from (POST /api/dsas with templateId), each with its legal sources.");

    private static Ok<IReadOnlyList<DsaTemplate>> Handle() => TypedResults.Ok(DsaTemplates.All);
}
