using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.WithdrawTransfer;

internal sealed record WithdrawTransferRequest(string? Reason, DateOnly? WithdrawnOn);

/// <summary>
/// The sending organization withdraws a letter awaiting receipt (expired, or issued in error): the letter stays in the
/// history with the day and the reason, and no longer holds the member, so a new letter or a death may be recorded.
/// </summary>
internal sealed record WithdrawTransferCommand(Guid TransferId, long ExpectedVersion, WithdrawTransferRequest Body)
    : ICommand<TransferResponse>;

internal sealed class WithdrawTransferValidator : AbstractValidator<WithdrawTransferCommand>
{
    public WithdrawTransferValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Reason).RequiredText().MaximumLength(500);
        RuleFor(c => c.Body.WithdrawnOn)
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("撤回日期不能晚于今天。", "The withdrawal date cannot be after today."));
    }
}

internal sealed class WithdrawTransferHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    AuditTrail audit,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<WithdrawTransferCommand, TransferResponse>
{
    // The whole guard in the writing statement: the version read, and still awaiting receipt (a receipt recorded
    // meanwhile makes it 0 rows). Expired or not: an expired letter is what most often needs withdrawing.
    private const string WithdrawSql = """
        UPDATE member_transfers
        SET status = 'Withdrawn', withdrawn_on = @withdrawnOn, withdrawal_reason = @reason, withdrawn_by = @withdrawnBy,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Pending'
        """;

    public async ValueTask<TransferResponse> Handle(
        WithdrawTransferCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var transfer = await Transfers.FindAsync(db, command.TransferId, cancellationToken);
        // The letter is the sending organization's to withdraw; the receiving side only confirms or waits.
        if (!scope.Contains(transfer.FromOrgPath))
        {
            throw new NotFoundException("Transfer");
        }
        var withdrawnOn = command.Body.WithdrawnOn ?? clock.Today();
        if (withdrawnOn < transfer.IssuedOn)
        {
            throw MemberErrors.WithdrawnBeforeIssued(transfer.IssuedOn);
        }
        var reason = command.Body.Reason!.Trim();
        var written = await db.ExecuteAsync(
            WithdrawSql,
            new
            {
                id = transfer.Id,
                expectedVersion = command.ExpectedVersion,
                withdrawnOn,
                reason,
                withdrawnBy = callers.Current.Id,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        if (written == 0)
        {
            var current = await Transfers.FindAsync(db, transfer.Id, cancellationToken);
            if (current.Version != command.ExpectedVersion)
            {
                throw new PreconditionFailedException();
            }
            throw current.Status switch
            {
                TransferStatus.Withdrawn => MemberErrors.TransferWithdrawn(current.WithdrawnOn),
                TransferStatus.Expired => MemberErrors.TransferSuperseded(),
                _ => MemberErrors.TransferClosed(),
            };
        }
        audit.Record(
            new AuditRecord(
                "WithdrawTransfer",
                "Transfer",
                transfer.Id.ToString(),
                transfer.FromOrgId,
                Before: new { status = transfer.Status.ToString() },
                After: new
                {
                    status = nameof(TransferStatus.Withdrawn),
                    withdrawnOn,
                    reason,
                }
            )
        );
        return (
            await Transfers.RespondAsync(
                [await Transfers.FindAsync(db, transfer.Id, cancellationToken)],
                organizations,
                clock.Today(),
                cancellationToken
            )
        )[0];
    }
}
