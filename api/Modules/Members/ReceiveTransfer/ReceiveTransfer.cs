using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ReceiveTransfer;

internal sealed record ReceiveTransferRequest(DateOnly? ReceivedOn);

/// <summary>
/// The receiving organization confirms (回执): only then does the member move, in the same transaction. For a
/// letter to outside the system the sending side records the receipt, and the member leaves the register.
/// </summary>
internal sealed record ReceiveTransferCommand(Guid TransferId, long ExpectedVersion, ReceiveTransferRequest Body)
    : ICommand<TransferResponse>;

internal sealed class ReceiveTransferValidator : AbstractValidator<ReceiveTransferCommand>
{
    public ReceiveTransferValidator(TimeProvider clock) =>
        RuleFor(c => c.Body.ReceivedOn)
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("回执日期不能晚于今天。", "The receipt date cannot be after today."));
}

internal sealed class ReceiveTransferHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<ReceiveTransferCommand, TransferResponse>
{
    private const string ReceiveSql = """
        UPDATE member_transfers SET status = 'Received', received_on = @receivedOn, updated_at = @now,
            version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Pending' AND valid_until >= @receivedOn
        """;

    private const string MoveMemberSql = """
        UPDATE members SET org_id = @toOrgId, org_path = @toOrgPath, updated_at = @now, version = version + 1
        WHERE id = @memberId AND org_id = @fromOrgId AND status = 'Active'
        """;

    private const string LeaveRegisterSql = """
        UPDATE members SET status = 'TransferredOut', updated_at = @now, version = version + 1
        WHERE id = @memberId AND org_id = @fromOrgId AND status = 'Active'
        """;

    public async ValueTask<TransferResponse> Handle(ReceiveTransferCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var transfer = await Transfers.FindAsync(db, command.TransferId, cancellationToken);
        // Who confirms: the receiving organization's side, or for an external letter the sending side.
        var confirmingPath = transfer.ToOrgPath ?? transfer.FromOrgPath;
        if (!scope.Contains(confirmingPath))
        {
            throw new NotFoundException("Transfer");
        }
        var receivedOn = command.Body.ReceivedOn ?? clock.Today();
        if (receivedOn < transfer.IssuedOn)
        {
            throw MemberErrors.ReceivedBeforeIssued(transfer.IssuedOn);
        }
        if (
            transfer.ToOrgId is { } receiving
            && await organizations.FindWithinAsync(receiving, DataScope.WholeTree, cancellationToken) is null
        )
        {
            throw MemberErrors.ReceivingOrganizationDissolved();
        }
        var now = clock.GetUtcNow();
        if (
            await db.ExecuteAsync(
                ReceiveSql,
                new
                {
                    id = transfer.Id,
                    expectedVersion = command.ExpectedVersion,
                    receivedOn,
                    now,
                },
                cancellationToken
            ) == 0
        )
        {
            if (transfer.Version != command.ExpectedVersion)
            {
                throw new PreconditionFailedException();
            }
            if (transfer.Status == TransferStatus.Withdrawn)
            {
                throw MemberErrors.TransferWithdrawn(transfer.WithdrawnOn);
            }
            if (transfer.Status == TransferStatus.Received)
            {
                throw MemberErrors.TransferClosed();
            }
            throw MemberErrors.LetterExpired(transfer.ValidUntil);
        }
        var moved = transfer.ToOrgId is { } toOrgId
            ? await db.ExecuteAsync(
                MoveMemberSql,
                new
                {
                    memberId = transfer.MemberId,
                    toOrgId,
                    toOrgPath = transfer.ToOrgPath,
                    fromOrgId = transfer.FromOrgId,
                    now,
                },
                cancellationToken
            )
            : await db.ExecuteAsync(
                LeaveRegisterSql,
                new
                {
                    memberId = transfer.MemberId,
                    fromOrgId = transfer.FromOrgId,
                    now,
                },
                cancellationToken
            );
        if (moved == 0)
        {
            throw MemberErrors.NotActive();
        }
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
