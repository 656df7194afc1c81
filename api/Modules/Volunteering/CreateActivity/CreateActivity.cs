using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CreateActivity;

internal sealed record CreateActivityRequest(
    Guid? OrganizationId,
    Guid? TeamId,
    string? Title,
    string? Place,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? Quota
);

/// <summary>An activity (志愿服务活动): date and time, place and quota; optionally run by a team.</summary>
internal sealed record CreateActivityCommand(CreateActivityRequest Body) : ICommand<ActivityResponse>;

internal sealed class CreateActivityValidator : AbstractValidator<CreateActivityCommand>
{
    public CreateActivityValidator()
    {
        RuleFor(c => c.Body.OrganizationId).NotNull();
        RuleFor(c => c.Body.Title).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.Place).RequiredText().MaximumLength(200);
        RuleFor(c => c.Body.StartsAt).NotNull();
        RuleFor(c => c.Body.EndsAt)
            .Cascade(CascadeMode.Stop)
            .NotNull()
            .Must((c, end) => c.Body.StartsAt is null || end > c.Body.StartsAt)
            .WithMessage(_ => Localized.Text("结束时间须晚于开始时间。", "The end must be after the start."))
            .Must((c, end) => c.Body.StartsAt is null || end - c.Body.StartsAt <= TimeSpan.FromHours(24))
            .WithMessage(_ => Localized.Text("一次活动不超过 24 小时。", "An activity lasts at most 24 hours."));
        RuleFor(c => c.Body.Quota).NotNull().InclusiveBetween(1, 10_000);
    }
}

internal sealed class CreateActivityHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<CreateActivityCommand, ActivityResponse>
{
    private const string InsertSql = """
        INSERT INTO volunteer_activities (id, org_id, org_path, region_root_id, team_id, title, place, starts_at,
            ends_at, service_day, quota, signed_up, code_secret, created_at, updated_at, version)
        VALUES (@id, @orgId, @orgPath, @regionRootId, @teamId, @title, @place, @startsAt, @endsAt, @serviceDay,
            @quota, 0, @secret, @now, @now, 1)
        """;

    public async ValueTask<ActivityResponse> Handle(CreateActivityCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var place = await VolunteerPlaces.ResolveAsync(
            organizations,
            scope,
            body.OrganizationId!.Value,
            cancellationToken
        );
        if (body.TeamId is { } teamId)
        {
            try
            {
                await Teams.FindAsync(db, scope, teamId, cancellationToken);
            }
            catch (Jiceng.Infrastructure.Http.NotFoundException)
            {
                throw VolunteeringErrors.TeamNotFound();
            }
        }
        var id = Guid.CreateVersion7();
        var startsAt = body.StartsAt!.Value.ToUniversalTime();
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                orgId = place.OrganizationId,
                orgPath = place.Path,
                regionRootId = place.RegionRootId,
                teamId = body.TeamId,
                title = body.Title!.Trim(),
                place = body.Place!.Trim(),
                startsAt,
                endsAt = body.EndsAt!.Value.ToUniversalTime(),
                serviceDay = Activities.DayOf(startsAt),
                quota = body.Quota!.Value,
                secret = SiteCodes.NewSecret(),
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        var row = await Activities.FindAsync(db, scope, id, cancellationToken);
        return row.ToResponse(new Dictionary<Guid, string> { [place.OrganizationId] = place.Name }, clock.GetUtcNow());
    }
}
