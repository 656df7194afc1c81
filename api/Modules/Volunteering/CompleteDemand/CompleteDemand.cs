using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.CompleteDemand;

/// <param name="MemberId">A party member on the register (their name comes from it), or null for someone else.</param>
/// <param name="Name">Who served, when not a member on the register.</param>
/// <param name="Hours">Hours served, in half hours.</param>
internal sealed record CompleteDemandHelper(Guid? MemberId, string? Name, decimal? Hours);

/// <param name="WorkDone">What was done.</param>
/// <param name="Helpers">Who served and for how long.</param>
/// <param name="Value">折合资金: what the service is worth, in yuan (two places), if the organization records it.</param>
/// <param name="Note">A note for the timeline.</param>
internal sealed record CompleteDemandRequest(
    string? WorkDone,
    IReadOnlyList<CompleteDemandHelper>? Helpers,
    Money? Value,
    string? Note
);

/// <summary>服务完成: what was done, the hours of each helper and, optionally, its value (折合资金).</summary>
internal sealed record CompleteDemandCommand(Guid Id, long ExpectedVersion, CompleteDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class CompleteDemandValidator : AbstractValidator<CompleteDemandCommand>
{
    private static string HelpersMessage => Localized.Text("须填写 1 到 50 名服务人员。", "Give 1 to 50 helpers.");

    public CompleteDemandValidator()
    {
        RuleFor(c => c.Body.WorkDone).RequiredText(2).MaximumLength(1000);
        RuleFor(c => c.Body.Helpers)
            .NotNull()
            .WithMessage(_ => HelpersMessage)
            .Must(h => h is { Count: >= 1 and <= 50 })
            .WithMessage(_ => HelpersMessage);
        RuleForEach(c => c.Body.Helpers)
            .NotNull()
            .ChildRules(helper =>
            {
                helper.RuleFor(h => h.Name).RequiredText().MaximumLength(50).When(h => h.MemberId is null);
                helper
                    .RuleFor(h => h.Hours)
                    .Must(h => h is { } hours && DemandRules.IsWholeHalfHours(hours))
                    .WithMessage(_ =>
                        Localized.Text(
                            "服务时长须大于 0、不超过 24 小时，以半小时计。",
                            "Time served is counted in half-hour steps, more than 0 and at most 24."
                        )
                    );
            });
        RuleFor(c => c.Body.Value)
            .Must(v => v is null || v.Value.Fen is >= 0 and <= 100_000_000)
            .WithMessage(_ =>
                Localized.Text("折合资金须在 0 到 1,000,000 元之间。", "The value must be 0 to 1,000,000 yuan.")
            );
        RuleFor(c => c.Body.Note).MaximumLength(500);
    }
}

internal sealed class CompleteDemandHandler(DbSession db, DemandTransitions transitions, IMemberDirectory members)
    : ICommandHandler<CompleteDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Completed', completed_at = @now, completed_on = @today,
            work_done = @workDone, service_minutes = @minutes, value_fen = @valueFen, due_on = NULL,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    private const string InsertHelperSql = """
        INSERT INTO volunteer_demand_helpers (id, demand_id, member_id, name, minutes, served_on)
        VALUES (@id, @demandId, @memberId, @name, @minutes, @servedOn)
        """;

    public async ValueTask<DemandResponse> Handle(CompleteDemandCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Complete,
            cancellationToken
        );
        var helpers = new List<(Guid? MemberId, string Name, int Minutes)>();
        for (var i = 0; i < body.Helpers!.Count; i++)
        {
            var helper = body.Helpers[i];
            var minutes = (int)(helper.Hours!.Value * 60);
            if (helper.MemberId is { } memberId)
            {
                var member =
                    await members.FindWithinAsync(memberId, step.Scope, cancellationToken)
                    ?? throw VolunteeringErrors.HelperNotFound(i);
                helpers.Add((memberId, member.Name, minutes));
            }
            else
            {
                helpers.Add((null, VisibleText.Trim(helper.Name), minutes));
            }
        }
        var today = step.Today;
        return await step.AdvanceAsync(
            AdvanceSql,
            new
            {
                today,
                workDone = VisibleText.Trim(body.WorkDone),
                minutes = helpers.Sum(h => h.Minutes),
                valueFen = body.Value?.Fen,
            },
            body.Note,
            new
            {
                helpers = helpers.Select(h => new
                {
                    h.MemberId,
                    h.Name,
                    hours = h.Minutes / 60m,
                }),
            },
            cancellationToken,
            async _ =>
            {
                foreach (var (memberId, name, minutes) in helpers)
                {
                    await db.ExecuteAsync(
                        InsertHelperSql,
                        new
                        {
                            id = Guid.CreateVersion7(),
                            demandId = step.Demand.Id,
                            memberId,
                            name,
                            minutes,
                            servedOn = today,
                        },
                        cancellationToken
                    );
                }
            }
        );
    }
}
