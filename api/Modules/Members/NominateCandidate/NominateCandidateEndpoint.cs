namespace Jiceng.Modules.Members.NominateCandidate;

internal static class NominateCandidateEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<NominateCandidateRequest>(
            group,
            "candidate",
            "NominateCandidate",
            (id, body) => new NominateCandidateCommand(id, body),
            "发展对象: nominate an activist as a development candidate",
            "发展对象: two full members as introducers, political review, training hours and public notice; 409 "
                + "candidate_too_early, introducer_not_full_member, training_too_short, notice_too_short."
        );
}
