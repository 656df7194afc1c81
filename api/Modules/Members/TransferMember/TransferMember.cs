using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.TransferMember;

/// <summary>
/// A transfer letter out: to an organization in this system (any region: it confirms receipt) or outside it
/// (the sending side records the receipt slip, 回执). The member stays where they are until then. A letter across
/// provinces is valid for the region's longer term.
/// </summary>
[Jiceng.Infrastructure.OpenApi.RequiresOneOf(nameof(ToOrganizationId), nameof(ToExternal))]
internal sealed record TransferMemberRequest(
    Guid? ToOrganizationId,
    string? ToExternal,
    string? LetterNumber,
    DateOnly? IssuedOn,
    bool? AcrossProvinces = null
);

internal sealed record TransferMemberCommand(Guid MemberId, TransferMemberRequest Body) : ICommand<TransferResponse>;

internal sealed class TransferMemberValidator : AbstractValidator<TransferMemberCommand>
{
    public TransferMemberValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.ToOrganizationId)
            .NotNull()
            .When(c => Infrastructure.Primitives.VisibleText.IsBlank(c.Body.ToExternal))
            .WithMessage(_ =>
                Localized.Text(
                    "请选择接收党组织，或填写系统外的接收单位。",
                    "Choose the receiving organization, or name one outside this system."
                )
            );
        RuleFor(c => c.Body.ToExternal)
            .Empty()
            .When(c => c.Body.ToOrganizationId is not null)
            .WithMessage(_ =>
                Localized.Text(
                    "系统内外的接收单位只能填一个。",
                    "Give either an organization in this system or one outside it."
                )
            );
        RuleFor(c => c.Body.ToExternal).MaximumLength(200);
        RuleFor(c => c.Body.LetterNumber).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.IssuedOn)
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("开具日期不能晚于今天。", "The issue date cannot be after today."));
    }
}

internal sealed class TransferMemberHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    TimeProvider clock
) : ICommandHandler<TransferMemberCommand, TransferResponse>
{
    // An expired letter no longer holds the member: it lapses (status Expired, kept as history) so that the new
    // letter is the member's one pending letter (a unique index holds that against races).
    private const string LapseExpiredSql = """
        UPDATE member_transfers SET status = 'Expired', updated_at = @now, version = version + 1
        WHERE member_id = @memberId AND status = 'Pending' AND valid_until < @today
        """;

    // One open letter per member, refused in the inserting statement.
    private const string InsertSql =
        """
            INSERT INTO member_transfers (id, member_id, member_name, from_org_id, from_org_path, to_org_id,
                to_org_path, to_external, letter_number, issued_on, valid_until, status, received_on, created_at,
                updated_at, version)
            SELECT @id, @memberId, @memberName, @fromOrgId, @fromOrgPath, @toOrgId, @toOrgPath, @toExternal,
                @letterNumber, @issuedOn, @validUntil, 'Pending', NULL, @now, @now, 1
            WHERE NOT
            """
        + " "
        + Transfers.OpenLetterExists;

    public async ValueTask<TransferResponse> Handle(TransferMemberCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, command.MemberId, cancellationToken);
        if (member.Status != MemberStatus.Active)
        {
            throw MemberErrors.NotActive(member.Status);
        }
        OrganizationReference? to = null;
        if (body.ToOrganizationId is { } toId)
        {
            // Any organization in the system may receive: the letter crosses regions.
            to =
                await organizations.FindWithinAsync(toId, DataScope.WholeTree, cancellationToken)
                ?? throw MemberErrors.ReceivingOrganizationNotFound();
            if (to.Id == member.OrgId)
            {
                throw MemberErrors.TransferToOwnOrganization();
            }
        }
        var issuedOn = body.IssuedOn ?? clock.Today();
        var pipelineRules = await rules.MemberPipelineRulesAsync(member.OrgId, cancellationToken);
        var validity =
            body.AcrossProvinces == true
                ? pipelineRules.TransferLetterValidMonthsAcrossProvinces
                : pipelineRules.TransferLetterValidMonths;
        var id = Guid.CreateVersion7();
        await MemberRecords.ClaimActiveAsync(db, member, clock.GetUtcNow(), cancellationToken);
        var values = new
        {
            id,
            memberId = member.Id,
            memberName = member.Name,
            fromOrgId = member.OrgId,
            fromOrgPath = member.OrgPath,
            toOrgId = to?.Id,
            toOrgPath = to?.Path,
            toExternal = body.ToExternal?.Trim(),
            letterNumber = body.LetterNumber!.Trim(),
            issuedOn,
            validUntil = issuedOn.AddMonths(validity.Value),
            today = clock.Today(),
            now = clock.GetUtcNow(),
        };
        await db.ExecuteAsync(LapseExpiredSql, values, cancellationToken);
        var inserted = await db.ExecuteOrConflictAsync(
            InsertSql,
            values,
            MemberErrors.TransferPending,
            cancellationToken
        );
        if (inserted == 0)
        {
            throw MemberErrors.TransferPending();
        }
        return (
            await Transfers.RespondAsync(
                [await Transfers.FindAsync(db, id, cancellationToken)],
                organizations,
                clock.Today(),
                cancellationToken
            )
        )[0];
    }
}
