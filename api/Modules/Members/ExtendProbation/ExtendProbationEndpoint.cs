namespace Jiceng.Modules.Members.ExtendProbation;

internal static class ExtendProbationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<ExtendProbationRequest>(
            group,
            "extension",
            "ExtendProbation",
            (id, body) => new ExtendProbationCommand(id, body),
            "Extend a probation once",
            "Extend probation once, by the region's 6–12 months: the branch general meeting decides when the probation "
                + "ends and the higher committee approves. 409 already_extended, extension_out_of_range, "
                + "probation_not_ended (with earliestOn), meeting_not_quorate; a failed vote is recorded."
        );
}
