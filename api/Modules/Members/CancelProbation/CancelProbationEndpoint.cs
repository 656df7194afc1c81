namespace Jiceng.Modules.Members.CancelProbation;

internal static class CancelProbationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<CancelProbationRequest>(
            group,
            "cancellation",
            "CancelProbation",
            (id, body) => new CancelProbationCommand(id, body),
            "Cancel a probationary member's qualification",
            "Cancel a probationary member's qualification (the record stays, status Cancelled): the branch general "
                + "meeting decides when the probation ends and the higher committee approves. 409 probation_not_ended, "
                + "meeting_not_quorate; a failed vote is recorded."
        );
}
