namespace Jiceng.Modules.Members.AdmitProbationary;

internal static class AdmitProbationaryEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<AdmitProbationaryRequest>(
            group,
            "admission",
            "AdmitProbationary",
            (id, body) => new AdmitProbationaryCommand(id, body),
            "预备党员: admit a candidate as a probationary member",
            "预备党员: the branch meeting's vote (yes votes over half of those entitled) and the higher committee's "
                + "approval; 409 vote_not_passed, approval_too_late, admission_too_early."
        );
}
