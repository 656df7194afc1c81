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

namespace Jiceng.Modules.Members.RecordMedal;

/// <param name="Year">the year the medal was given (七一 of that year counts the 50 years)</param>
/// <param name="AwardedBy">who gave it: the committee or department that presented it</param>
internal sealed record RecordMedalRequest(int? Year, string? AwardedBy);

/// <summary>
/// 光荣在党50年: records that a full member on the register was given the medal, once; from the next year on the
/// yearly list leaves them out. Requires If-Match; audited with the year and the giver.
/// </summary>
internal sealed record RecordMedalCommand(Guid Id, long ExpectedVersion, RecordMedalRequest Body)
    : ICommand<MemberResponse>;

internal sealed class RecordMedalValidator : AbstractValidator<RecordMedalCommand>
{
    public RecordMedalValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.Year)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .InclusiveBetween(MedalRules.FirstYear, 9998)
            .Must(year => year <= clock.Today().Year)
            .WithMessage(_ => Localized.Text("颁发年度不能晚于今年。", "The year given cannot be after this year."));
        RuleFor(c => c.Body.AwardedBy).RequiredText().MaximumLength(100);
    }
}

internal sealed class RecordMedalHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    MemberRuleSets rules,
    TimeProvider clock
) : ICommandHandler<RecordMedalCommand, MemberResponse>
{
    private const string MedalOfSql = "SELECT medal_year, medal_awarded_by FROM members WHERE id = @id";

    // One statement owning its whole guard: the version read, on the register, a full member of 50 years, not
    // given yet.
    private const string RecordSql = """
        UPDATE members SET medal_year = @year, medal_awarded_by = @awardedBy, updated_at = @now, version = version + 1
        WHERE id = @id AND version = @expectedVersion AND status = 'Active' AND stage = 'Full'
          AND full_member_on <= @convertedBy AND medal_year IS NULL AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<MemberResponse> Handle(RecordMedalCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var member = await MemberRecords.FindAsync(db, scope, command.Id, cancellationToken);
        var year = command.Body.Year!.Value;
        if (member.Version != command.ExpectedVersion)
        {
            throw new PreconditionFailedException();
        }
        if (member.Status != MemberStatus.Active)
        {
            throw MemberErrors.NotActive(member.Status);
        }
        var given = await db.QuerySingleOrDefaultAsync<MedalRow>(MedalOfSql, new { id = member.Id }, cancellationToken);
        if (given?.MedalYear is { } givenIn)
        {
            throw MemberErrors.MedalAlreadyGiven(givenIn, given.MedalAwardedBy ?? "");
        }
        if (member.Stage != MemberStage.Full || member.FullMemberOn is not { } fullMemberOn)
        {
            throw MemberErrors.WrongStage(MemberStage.Full, member.Stage);
        }
        if (!MedalRules.IsDue(fullMemberOn, year))
        {
            throw MemberErrors.MedalNotDue(MedalRules.FirstYearDue(fullMemberOn));
        }
        var parameters = new
        {
            id = member.Id,
            expectedVersion = command.ExpectedVersion,
            year,
            awardedBy = command.Body.AwardedBy!.Trim(),
            convertedBy = MedalRules.ConvertedBy(year),
            from = scope.From,
            to = scope.To,
            now = clock.GetUtcNow(),
        };
        if (await db.ExecuteAsync(RecordSql, parameters, cancellationToken) == 0)
        {
            throw new PreconditionFailedException();
        }
        return await MemberRecords.RespondAsync(
            await MemberRecords.FindAsync(db, scope, member.Id, cancellationToken),
            organizations,
            rules,
            clock.Today(),
            cancellationToken
        );
    }

    private sealed record MedalRow
    {
        public int? MedalYear { get; init; }
        public string? MedalAwardedBy { get; init; }
    }
}
