using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance.BuildVisitList;

internal sealed record BuildVisitListRequest(Guid? OrganizationId, VisitOccasion? Occasion, int? Year);

/// <summary>
/// Builds an organization's visit list for a holiday from the register as it stands on the holiday's day: members in
/// hardship, members aged (the region's) 80 and over and members with 50 years' standing, each once with every
/// reason. Families of martyrs are not recorded in Members, so they are added to the list by name afterwards.
/// </summary>
internal sealed record BuildVisitListCommand(BuildVisitListRequest Body) : ICommand<VisitListResponse>;

internal sealed class BuildVisitListValidator : AbstractValidator<BuildVisitListCommand>
{
    public BuildVisitListValidator()
    {
        RuleFor(c => c.Body.OrganizationId).NotEmpty();
        RuleFor(c => c.Body.Occasion).NotNull().IsInEnum();
        RuleFor(c => c.Body.Year).NotNull().InclusiveBetween(2000, 2100);
    }
}

internal sealed class BuildVisitListHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    IOrganizationDirectory organizations,
    IMemberHardships hardships,
    IMemberCareRegister register,
    AssistanceRuleSets rules,
    TimeProvider clock
) : ICommandHandler<BuildVisitListCommand, VisitListResponse>
{
    private const string InsertListSql = """
        INSERT INTO assistance_visit_lists (id, org_id, org_path, region_root_id, occasion, year, occasion_on,
            window_opens_on, created_by_name, created_at, version)
        VALUES (@id, @orgId, @orgPath, @regionRootId, @occasion, @year, @occasionOn, @windowOpensOn, @createdByName,
            @now, 1)
        """;

    public async ValueTask<VisitListResponse> Handle(BuildVisitListCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var place =
            await CarePlaces.LocateAsync(organizations, body.OrganizationId!.Value, scope, cancellationToken)
            ?? throw AssistanceErrors.CareOrganizationNotFound();
        var region = await rules.ForAsync(place.Id, cancellationToken);
        var occasion = body.Occasion!.Value;
        var year = body.Year!.Value;
        var day = VisitRules.DayOf(occasion, year);
        var windowOpens = VisitRules.WindowOpens(day, region.VisitWindowDays.Value);
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var caller = callers.Current;
        await db.ExecuteOrConflictAsync(
            InsertListSql,
            new
            {
                id,
                orgId = place.Id,
                orgPath = place.Path,
                regionRootId = place.RegionRootId,
                occasion = occasion.ToString(),
                year,
                occasionOn = day,
                windowOpensOn = windowOpens,
                createdByName = caller.ShownName,
                now,
            },
            () => AssistanceErrors.VisitListExists(year, occasion),
            cancellationToken
        );

        var inHardship = (await hardships.OnDayAsync(day, place.Subtree, cancellationToken)).ToDictionary(h =>
            h.MemberId
        );
        var old = await register.OldOrLongStandingAsync(
            day,
            region.OldMemberMinAge.Value,
            region.OldMemberMinStandingYears.Value,
            place.Subtree,
            cancellationToken
        );
        var people = old.ToDictionary(m => m.MemberId);
        foreach (var hardship in inHardship.Values.Where(h => !people.ContainsKey(h.MemberId)))
        {
            if (await register.FindAsync(hardship.MemberId, day, place.Subtree, cancellationToken) is { } member)
            {
                people[member.MemberId] = member;
            }
        }
        foreach (var member in people.Values.OrderBy(m => m.OrganizationPath, StringComparer.Ordinal))
        {
            var hardship = inHardship.GetValueOrDefault(member.MemberId);
            var reasons = VisitRules.ReasonsFor(
                hardship is not null,
                member.Age,
                member.StandingYears,
                region.OldMemberMinAge.Value,
                region.OldMemberMinStandingYears.Value
            );
            await db.ExecuteAsync(
                Visits.InsertSql,
                new
                {
                    id = Guid.CreateVersion7(),
                    orgId = member.OrganizationId,
                    orgPath = member.OrganizationPath,
                    regionRootId = place.RegionRootId,
                    listId = id,
                    memberId = (Guid?)member.MemberId,
                    name = member.Name,
                    relation = (string?)null,
                    reasons = (int)reasons,
                    age = (int?)member.Age,
                    standingYears = member.StandingYears,
                    hardshipCategory = hardship?.Category,
                    now,
                },
                cancellationToken
            );
        }
        return new VisitListResponse(
            id,
            place.Id,
            place.Name,
            occasion,
            year,
            day,
            windowOpens,
            people.Count,
            0,
            Money.Zero,
            Money.Zero,
            caller.ShownName,
            1
        );
    }
}
