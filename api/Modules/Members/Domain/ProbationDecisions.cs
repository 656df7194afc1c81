using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// What conversion, extension and cancellation each record, as admission does (党章第七条: each needs the branch
/// general meeting's decision and the higher committee's approval): the meeting's date and vote, and the approval.
/// </summary>
internal interface IProbationDecisionRequest
{
    /// <summary>The branch general meeting that decided.</summary>
    DateOnly? MeetingOn { get; }

    /// <summary>Full members entitled to vote (应到会有表决权的正式党员).</summary>
    int? EntitledVoters { get; }

    /// <summary>Of them, how many attended (实到会).</summary>
    int? Attended { get; }

    int? VotesFor { get; }

    /// <summary>The higher committee's approval: needed when the vote carried, ignored when it failed.</summary>
    DateOnly? ApprovedOn { get; }

    /// <summary>The approving committee (审批党组织).</summary>
    string? ApprovedBy { get; }
}

/// <summary>
/// The shape of a meeting's decision and its approval; the rules that need the member live in the step.
/// </summary>
internal sealed class ProbationDecisionValidator : AbstractValidator<IProbationDecisionRequest>
{
    public ProbationDecisionValidator(TimeProvider clock)
    {
        RuleFor(d => d.MeetingOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."));
        RuleFor(d => d.EntitledVoters).NotNull().InclusiveBetween(1, 100000);
        RuleFor(d => d.Attended)
            .NotNull()
            .InclusiveBetween(0, 100000)
            .LessThanOrEqualTo(d => d.EntitledVoters ?? int.MaxValue)
            .WithMessage(_ =>
                Localized.Text(
                    "到会人数不能多于有表决权的正式党员人数。",
                    "Attendance cannot exceed the members entitled to vote."
                )
            );
        RuleFor(d => d.VotesFor)
            .NotNull()
            .InclusiveBetween(0, 100000)
            .LessThanOrEqualTo(d => d.Attended ?? int.MaxValue)
            .WithMessage(_ =>
                Localized.Text("赞成票不能多于到会人数。", "Yes votes cannot exceed the members who attended.")
            );
        RuleFor(d => d.ApprovedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .WithMessage(_ =>
                Localized.Text(
                    "决议通过后须经上级党委审批，请填写审批日期。",
                    "A carried decision needs the higher committee's approval: give its date."
                )
            )
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("日期不能晚于今天。", "The date cannot be after today."))
            .GreaterThanOrEqualTo(d => d.MeetingOn)
            .When(d => d.MeetingOn is not null)
            .WithMessage(_ =>
                Localized.Text("审批日期不能早于支部大会日期。", "The approval cannot come before the meeting.")
            )
            .When(Carried);
        RuleFor(d => d.ApprovedBy)
            .RequiredText()
            .WithMessage(_ =>
                Localized.Text(
                    "决议通过后须经上级党委审批，请填写审批的党组织。",
                    "A carried decision needs the higher committee's approval: name the committee."
                )
            )
            .MaximumLength(100)
            .When(Carried);
    }

    // The approval is asked for only when the request itself says the vote carried; the step checks it again.
    private static bool Carried(IProbationDecisionRequest d) =>
        d is { VotesFor: { } votesFor, Attended: { } attended, EntitledVoters: { } entitled }
        && PipelineRules.MeetingQuorate(attended, entitled)
        && PipelineRules.VotePasses(votesFor, entitled);
}
