using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ReviewApplication;

internal sealed record ReviewApplicationRequest(
    DateOnly? ReviewedOn,
    bool? Passed,
    DateOnly? NoticeFrom,
    DateOnly? NoticeTo,
    string? Note
);

/// <summary>
/// 支部评议: the branch discusses the application; if it passes, the in-party notice runs for the region's days
/// (names masked) before the approval. A failed review ends the application (Rejected).
/// </summary>
internal sealed record ReviewApplicationCommand(Guid Id, long ExpectedVersion, ReviewApplicationRequest Body)
    : ICommand<ApplicationResponse>;

internal sealed class ReviewApplicationValidator : AbstractValidator<ReviewApplicationCommand>
{
    public ReviewApplicationValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ReviewedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("评议日期不能晚于今天。", "The review cannot be after today."))
            .Field("reviewedOn");
        RuleFor(c => c.Body.Passed).NotNull().Field("passed");
        RuleFor(c => c.Body.NoticeFrom)
            .NotNull()
            .GreaterThanOrEqualTo(c => c.Body.ReviewedOn)
            .When(c => c.Body.Passed == true && c.Body.ReviewedOn is not null, ApplyConditionTo.AllValidators)
            .Field("noticeFrom");
        RuleFor(c => c.Body.NoticeTo)
            .NotNull()
            .GreaterThanOrEqualTo(c => c.Body.NoticeFrom)
            .When(c => c.Body.Passed == true && c.Body.NoticeFrom is not null, ApplyConditionTo.AllValidators)
            .Field("noticeTo");
        RuleFor(c => c.Body.NoticeTo).NotNull().When(c => c.Body.Passed == true).Field("noticeTo");
        RuleFor(c => c.Body.Note).MaximumLength(500).Field("note");
    }
}

internal sealed class ReviewApplicationHandler(ApplicationSteps steps)
    : ICommandHandler<ReviewApplicationCommand, ApplicationResponse>
{
    private const string ReviewSql =
        """
            UPDATE assistance_applications SET status = @status, preparer_id = @actorId, notice_from = @noticeFrom,
                notice_to = @noticeTo, updated_at = @now, version = version + 1
            """
        + "\n"
        + ApplicationStep.Guard;

    public async ValueTask<ApplicationResponse> Handle(
        ReviewApplicationCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            cancellationToken,
            ApplicationStatus.Submitted
        );
        step.EnsureDifferentPerson("preparer", step.Application.ApplicantId);
        var body = command.Body;
        var passed = body.Passed!.Value;
        if (passed && !ApplicationRules.NoticeLongEnough(body.NoticeFrom!.Value, body.NoticeTo!.Value, step.Rules))
        {
            throw AssistanceErrors.NoticeTooShort(step.Rules.ReviewNoticeDays.Value);
        }
        return await step.AdvanceAsync(
            ReviewSql,
            new
            {
                status = (passed ? ApplicationStatus.Reviewed : ApplicationStatus.Rejected).ToString(),
                noticeFrom = passed ? body.NoticeFrom : null,
                noticeTo = passed ? body.NoticeTo : null,
            },
            passed ? "Reviewed" : "ReviewFailed",
            new
            {
                reviewedOn = body.ReviewedOn,
                passed,
                noticeFrom = body.NoticeFrom,
                noticeTo = body.NoticeTo,
                note = body.Note,
            },
            cancellationToken
        );
    }
}
