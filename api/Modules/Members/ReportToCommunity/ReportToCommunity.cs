using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Members.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Members.ReportToCommunity;

internal sealed record ReportToCommunityRequest(Guid? CommunityOrganizationId, DateOnly? ReportedOn);

/// <summary>
/// 双报到: an in-service member registers with the community where they live (in any region); one current
/// community at a time (a new report ends the old one).
/// </summary>
internal sealed record ReportToCommunityCommand(Guid MemberId, ReportToCommunityRequest Body)
    : ICommand<CommunityReport>;

internal sealed class ReportToCommunityValidator : AbstractValidator<ReportToCommunityCommand>
{
    public ReportToCommunityValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.CommunityOrganizationId).NotEmpty();
        RuleFor(c => c.Body.ReportedOn)
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("报到日期不能晚于今天。", "The date cannot be after today."));
    }
}

internal sealed class ReportToCommunityHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<ReportToCommunityCommand, CommunityReport>
{
    private const string EndCurrentSql =
        "UPDATE member_community_reports SET ended_on = @reportedOn WHERE member_id = @memberId AND ended_on IS NULL "
        + "AND reported_on <= @reportedOn";

    private const string InsertSql = """
        INSERT INTO member_community_reports (id, member_id, community_org_id, community_org_path, reported_on,
            ended_on, created_at)
        VALUES (@id, @memberId, @communityId, @communityPath, @reportedOn, NULL, @now)
        """;

    public async ValueTask<CommunityReport> Handle(
        ReportToCommunityCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, command.MemberId, cancellationToken);
        if (member.Category != MemberCategory.InService || member.Status != MemberStatus.Active)
        {
            throw MemberErrors.NotInService();
        }
        var community =
            await organizations.FindWithinAsync(
                command.Body.CommunityOrganizationId!.Value,
                DataScope.WholeTree,
                cancellationToken
            ) ?? throw MemberErrors.CommunityNotFound();
        // 双报到 is to where the member lives: a city community or a village, not another unit's branch.
        if (community.Field is not ("UrbanCommunity" or "Village"))
        {
            throw MemberErrors.NotAResidenceCommunity(community.Name);
        }
        var reportedOn = command.Body.ReportedOn ?? clock.Today();
        await MemberRecords.ClaimActiveAsync(db, member, clock.GetUtcNow(), cancellationToken);
        await db.ExecuteAsync(EndCurrentSql, new { memberId = member.Id, reportedOn }, cancellationToken);
        var id = Guid.CreateVersion7();
        // A current report dated after this one stays (history is not rewritten), and of two reports racing
        // the second loses: either way the current-report index refuses the row, as 409.
        await db.ExecuteOrConflictAsync(
            InsertSql,
            new
            {
                id,
                memberId = member.Id,
                communityId = community.Id,
                communityPath = community.Path,
                reportedOn,
                now = clock.GetUtcNow(),
            },
            MemberErrors.CommunityReportConflict,
            cancellationToken
        );
        var names = await organizations.NamesAsync([member.OrgId], cancellationToken);
        return new CommunityReport(
            id,
            member.Id,
            member.Name,
            member.OrgId,
            names.GetValueOrDefault(member.OrgId, ""),
            community.Id,
            community.Name,
            reportedOn,
            null
        );
    }
}
