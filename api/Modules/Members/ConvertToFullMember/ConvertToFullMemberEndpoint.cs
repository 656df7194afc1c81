namespace Jiceng.Modules.Members.ConvertToFullMember;

internal static class ConvertToFullMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<ConvertToFullMemberRequest>(
            group,
            "conversion",
            "ConvertToFullMember",
            (id, body) => new ConvertToFullMemberCommand(id, body),
            "转正 at the end of probation (plus any extension); 409 conversion_too_early with the earliest date."
        );
}
