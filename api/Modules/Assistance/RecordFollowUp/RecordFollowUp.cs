using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.RecordFollowUp;

/// <param name="VisitedOn">The day of the follow-up visit.</param>
/// <param name="Outcome">Received, NotReceived or ReceivedWithIssues.</param>
/// <param name="Note">What was found (required unless received).</param>
internal sealed record RecordFollowUpRequest(DateOnly? VisitedOn, FollowUpOutcome? Outcome, string? Note);

/// <summary>What the follow-up visit of a sampled application found; recorded once, by someone other than the
/// payer (the visit checks the payer's work).</summary>
internal sealed record RecordFollowUpCommand(Guid Id, long ExpectedVersion, RecordFollowUpRequest Body)
    : ICommand<ApplicationResponse>;

internal sealed class RecordFollowUpValidator : AbstractValidator<RecordFollowUpCommand>
{
    public RecordFollowUpValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.VisitedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("回访日期不能晚于今天。", "The visit cannot be after today."))
            .Field("visitedOn");
        RuleFor(c => c.Body.Outcome).NotNull().IsInEnum().Field("outcome");
        RuleFor(c => c.Body.Note)
            .RequiredText()
            .When(c => c.Body.Outcome is FollowUpOutcome.NotReceived or FollowUpOutcome.ReceivedWithIssues)
            .Field("note");
        RuleFor(c => c.Body.Note).MaximumLength(500).Field("note");
    }
}

internal sealed class RecordFollowUpHandler(ApplicationSteps steps)
    : ICommandHandler<RecordFollowUpCommand, ApplicationResponse>
{
    private const string FollowUpSql =
        """
            UPDATE assistance_applications SET follow_up = @outcome, updated_at = @now, version = version + 1
            """
        + "\n"
        + ApplicationStep.Guard
        + "\n  AND sampled = @yes AND follow_up IS NULL";

    public async ValueTask<ApplicationResponse> Handle(
        RecordFollowUpCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            cancellationToken,
            ApplicationStatus.Paid,
            ApplicationStatus.Confirmed
        );
        var application = step.Application;
        if (!application.Sampled)
        {
            throw AssistanceErrors.NotSampled();
        }
        if (application.FollowUp is not null)
        {
            throw AssistanceErrors.FollowUpRecorded();
        }
        step.EnsureDifferentPerson("payer", application.PayerId);
        var body = command.Body;
        return await step.AdvanceAsync(
            FollowUpSql,
            new { outcome = body.Outcome!.Value.ToString(), yes = true },
            "FollowUp",
            new
            {
                visitedOn = body.VisitedOn,
                outcome = body.Outcome,
                note = VisibleText.Trim(body.Note),
            },
            cancellationToken
        );
    }
}
