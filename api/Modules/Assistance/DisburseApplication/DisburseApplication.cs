using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.DisburseApplication;

/// <summary>How it was paid: a bank transfer's reference, a cash receipt's number (signed by the recipient), or the
/// goods given (their value is the approved amount).</summary>
internal sealed record DisburseApplicationRequest(DateOnly? PaidOn, PaymentMethod? Method, string? Reference);

/// <summary>
/// Payment of an approved application: the hold becomes a disbursement entry in the fund's ledger. The payer is
/// none of the applicant, the preparer or the approvers; the yearly cap is checked again (other payments to the
/// person may have been made since). Requires an Idempotency-Key, so a retried request never pays twice; the hold,
/// settled once, guards the same against two different keys.
/// </summary>
internal sealed record DisburseApplicationCommand(
    Guid Id,
    long ExpectedVersion,
    bool HasIdempotencyKey,
    DisburseApplicationRequest Body
) : ICommand<ApplicationResponse>;

internal sealed class DisburseApplicationValidator : AbstractValidator<DisburseApplicationCommand>
{
    public DisburseApplicationValidator(TimeProvider clock)
    {
        RuleFor(c => c.HasIdempotencyKey)
            .Equal(true)
            .WithMessage(_ =>
                Localized.Text(
                    "支付须带 Idempotency-Key 请求头，重试时不会重复支付。",
                    "A payment needs an Idempotency-Key header, so a retry never pays twice."
                )
            )
            .OverridePropertyName("Idempotency-Key");
        RuleFor(c => c.Body.PaidOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("支付日期不能晚于今天。", "The payment cannot be after today."))
            .Field("paidOn");
        RuleFor(c => c.Body.Method).NotNull().IsInEnum().Field("method");
        RuleFor(c => c.Body.Reference).RequiredText().MaximumLength(200).Field("reference");
    }
}

internal sealed class DisburseApplicationHandler(ApplicationSteps steps)
    : ICommandHandler<DisburseApplicationCommand, ApplicationResponse>
{
    private const string PaySql =
        """
            UPDATE assistance_applications SET status = 'Paid', payer_id = @actorId, paid_on = @paidOn,
                payment_method = @method, payment_reference = @reference, entry_id = @entryId, updated_at = @now,
                version = version + 1
            """
        + "\n"
        + ApplicationStep.Guard;

    public async ValueTask<ApplicationResponse> Handle(
        DisburseApplicationCommand command,
        CancellationToken cancellationToken
    )
    {
        var step = await steps.StartAsync(
            command.Id,
            command.ExpectedVersion,
            cancellationToken,
            ApplicationStatus.Approved
        );
        var application = step.Application;
        step.EnsureDifferentPerson(
            "payer",
            application.ApplicantId,
            application.PreparerId,
            application.StreetApproverId,
            application.DistrictApproverId
        );
        var body = command.Body;
        var paidOn = body.PaidOn!.Value;
        var reference = body.Reference!.Trim();
        var entryId = await FundLedger.PayHoldAsync(
            step.Db,
            application.HoldId!.Value,
            new FundPayment(
                application.FundId,
                application.AmountMoney,
                application.MemberId,
                PaymentKind.Aid,
                application.Id,
                paidOn,
                reference
            )
            {
                // The approval's hold already counts under the cap; this guards only a move to another year.
                Cap = CapGuard.Of(step.Rules, "amount"),
            },
            step.Caller,
            step.Now,
            cancellationToken
        );
        return await step.AdvanceAsync(
            PaySql,
            new
            {
                paidOn,
                method = body.Method!.Value.ToString(),
                reference,
                entryId,
            },
            "Paid",
            new
            {
                paidOn,
                method = body.Method,
                reference,
                entryId,
            },
            cancellationToken
        );
    }
}
