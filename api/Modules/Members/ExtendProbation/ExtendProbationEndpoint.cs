namespace Jiceng.Modules.Members.ExtendProbation;

internal static class ExtendProbationEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<ExtendProbationRequest>(
            group,
            "extension",
            "ExtendProbation",
            (id, body) => new ExtendProbationCommand(id, body),
            "Extend probation once, by the region's 6–12 months; 409 already_extended or extension_out_of_range."
        );
}
