using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.RecheckHardship;

internal sealed record RecheckHardshipRequest(
    Guid? HardshipId,
    DateOnly? CheckedOn,
    RecheckOutcome? Outcome,
    string? Note
);

/// <summary>
/// The yearly recheck of a member in hardship: the hardship continues, or it has ended and the member leaves the
/// register that day (through Members' Contracts, in this transaction). Requires If-Match: the hardship entry's
/// version, as the ledger lists it.
/// </summary>
internal sealed record RecheckHardshipCommand(Guid MemberId, long ExpectedVersion, RecheckHardshipRequest Body)
    : ICommand<RecheckResponse>;

internal sealed class RecheckHardshipValidator : AbstractValidator<RecheckHardshipCommand>
{
    public RecheckHardshipValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.HardshipId).NotEmpty();
        RuleFor(c => c.Body.Outcome).NotNull().IsInEnum();
        RuleFor(c => c.Body.CheckedOn)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must(d => d <= clock.Today())
            .WithMessage(_ => Localized.Text("复核日期不能晚于今天。", "The recheck cannot be dated after today."));
        RuleFor(c => c.Body.Note).MaximumLength(500);
    }
}

internal sealed class RecheckHardshipHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    IOrganizationDirectory organizations,
    IMemberHardshipHistory history,
    TimeProvider clock
) : ICommandHandler<RecheckHardshipCommand, RecheckResponse>
{
    private const string InsertSql = """
        INSERT INTO assistance_rechecks (id, org_id, org_path, region_root_id, member_id, hardship_id, checked_on,
            outcome, note, checked_by_name, created_at)
        VALUES (@id, @orgId, @orgPath, @regionRootId, @memberId, @hardshipId, @checkedOn, @outcome, @note,
            @checkedBy, @now)
        """;

    public async ValueTask<RecheckResponse> Handle(RecheckHardshipCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var periods = await history.ForMemberAsync(command.MemberId, scope, cancellationToken);
        if (periods.Count == 0)
        {
            throw new NotFoundException("MemberLedger");
        }
        var period =
            periods.FirstOrDefault(p => p.HardshipId == body.HardshipId) ?? throw new NotFoundException("Hardship");
        if (period.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        var today = clock.Today();
        if (period.Until is { } until && until < today)
        {
            throw AssistanceErrors.HardshipNotCurrent();
        }
        var checkedOn = body.CheckedOn!.Value;
        if (checkedOn < period.Since)
        {
            throw AssistanceErrors.RecheckBeforeStart(period.Since);
        }
        if (body.Outcome == RecheckOutcome.Ended)
        {
            var outcome = await history.EndAsync(
                period.MemberId,
                period.HardshipId,
                command.ExpectedVersion,
                checkedOn,
                scope,
                cancellationToken
            );
            switch (outcome)
            {
                case HardshipEndOutcome.Ended:
                    break;
                case HardshipEndOutcome.AlreadyEnded:
                    throw AssistanceErrors.HardshipNotCurrent();
                case HardshipEndOutcome.EndsBeforeStart:
                    throw AssistanceErrors.RecheckBeforeStart(period.Since);
                case HardshipEndOutcome.NotFound:
                    throw new NotFoundException("Hardship");
                default:
                    throw new PreconditionFailedException();
            }
        }
        var place = await CarePlaces.LocateAsync(organizations, period.OrganizationId, scope, cancellationToken);
        var id = Guid.CreateVersion7();
        var checkedBy = callers.Current.ShownName;
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                orgId = period.OrganizationId,
                orgPath = period.OrganizationPath,
                regionRootId = place?.RegionRootId ?? period.OrganizationId,
                memberId = period.MemberId,
                hardshipId = period.HardshipId,
                checkedOn,
                outcome = body.Outcome!.Value.ToString(),
                note,
                checkedBy,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        return new RecheckResponse(
            id,
            period.MemberId,
            period.HardshipId,
            checkedOn,
            body.Outcome!.Value,
            note,
            checkedBy
        );
    }
}
