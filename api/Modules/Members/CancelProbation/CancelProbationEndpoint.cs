namespace Jiceng.Modules.Members.CancelProbation;

internal static class CancelProbationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<CancelProbationRequest>(
            group,
            "cancellation",
            "CancelProbation",
            (id, body) => new CancelProbationCommand(id, body),
            "Cancel a probationary member's qualification (the record stays, status Cancelled)."
        );
}
