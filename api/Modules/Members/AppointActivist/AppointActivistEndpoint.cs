namespace Jiceng.Modules.Members.AppointActivist;

internal static class AppointActivistEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<AppointActivistRequest>(
            group,
            "activist",
            "AppointActivist",
            (id, body) => new AppointActivistCommand(id, body),
            "入党积极分子: appoint an applicant as an activist",
            "入党积极分子: the branch committee's decision and 1–2 cultivation contacts; "
                + "409 activist_too_early before the region's months as applicant."
        );
}
