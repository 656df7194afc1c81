namespace Jiceng.Modules.Members.RecordTalk;

internal static class RecordTalkEndpoint
{
    public static void Map(RouteGroupBuilder group) =>
        PipelineStepRoute.Map<RecordTalkRequest>(
            group,
            "talk",
            "RecordTalk",
            (id, body) => new RecordTalkCommand(id, body),
            "入党谈话: record the talk with an applicant",
            "入党谈话 with an applicant (talkOn, talkedBy): once (409 talk_recorded); later than a month after the "
                + "application is 409 talk_too_late with latestOn unless overridden with a reason."
        );
}
