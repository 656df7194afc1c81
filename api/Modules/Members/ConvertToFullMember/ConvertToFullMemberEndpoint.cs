namespace Jiceng.Modules.Members.ConvertToFullMember;

internal static class ConvertToFullMemberEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<ConvertToFullMemberRequest>(
            group,
            "conversion",
            "ConvertToFullMember",
            (id, body) => new ConvertToFullMemberCommand(id, body),
            "转正: convert a probationary member to full membership",
            "转正: the branch general meeting at the end of probation (plus any extension) votes and the higher "
                + "committee approves within 3 months; fullMemberOn is the day the probation ends. 409 "
                + "conversion_too_early, meeting_not_quorate, approval_too_late; a failed vote is recorded "
                + "(ConversionRejected) and the member stays probationary."
        );
}
