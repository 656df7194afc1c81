using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.ApproveApplication;

internal sealed record ApproveApplicationRequest(string? Note);

/// <summary>
/// An approval at the tier the amount requires: the street's committee first (it holds the amount in the fund, so
/// approvals never promise more than the fund has), the district's organization department too above the region's
/// threshold. Each approver is someone who has not acted on the application before.
/// </summary>
internal sealed record ApproveApplicationCommand(Guid Id, long ExpectedVersion, ApproveApplicationRequest Body)
    : ICommand<ApplicationResponse>;

internal sealed class ApproveApplicationValidator : AbstractValidator<ApproveApplicationCommand>
{
    public ApproveApplicationValidator() => RuleFor(c => c.Body.Note).MaximumLength(500).Field("note");
}

internal sealed class ApproveApplicationHandler(ApplicationSteps steps)
    : ICommandHandler<ApproveApplicationCommand, ApplicationResponse>
{
    private const string StreetSql =
        """
            UPDATE assistance_applications SET status = @status, street_approver_id = @actorId, hold_id = @holdId,
                updated_at = @now, version = version + 1
            """
        + "\n"
        + ApplicationStep.Guard;

    private const string DistrictSql =
        """
            UPDATE assistance_applications SET status = 'Approved', district_approver_id = @actorId, updated_at = @now,
                version = version + 1
            """
        + "\n"
        + ApplicationStep.Guard;

    public async ValueTask<ApplicationResponse> Handle(
        ApproveApplicationCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            cancellationToken,
            ApplicationStatus.Reviewed,
            ApplicationStatus.StreetApproved
        );
        var application = step.Application;
        step.EnsureDifferentPerson("approver", application.ApplicantId, application.PreparerId);
        if (application.Status == ApplicationStatus.StreetApproved)
        {
            step.EnsureDifferentPerson("approver", application.StreetApproverId);
            return await step.AdvanceAsync(
                DistrictSql,
                new { },
                "DistrictApproved",
                new { tier = ApprovalTier.District, note = command.Body.Note },
                cancellationToken
            );
        }
        if (!ApplicationRules.NoticeOver(application.NoticeTo!.Value, step.Today))
        {
            throw AssistanceErrors.NoticeNotOver(application.NoticeTo.Value);
        }
        // The hold and the step commit together: a refused step leaves no hold (one transaction).
        var holdId = await FundLedger.HoldAsync(
            step.Db,
            application.FundId,
            application.Id,
            application.AmountMoney,
            new CapHold(application.MemberId, step.Today.Year, CapGuard.Of(step.Rules, "amount")),
            step.Now,
            cancellationToken
        );
        var next =
            application.Tier == ApprovalTier.Street ? ApplicationStatus.Approved : ApplicationStatus.StreetApproved;
        return await step.AdvanceAsync(
            StreetSql,
            new { status = next.ToString(), holdId },
            "StreetApproved",
            new { tier = ApprovalTier.Street, note = command.Body.Note },
            cancellationToken
        );
    }
}
