using System.Data;
using System.Security.Cryptography;
using FluentValidation;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.Domain;
using Mediator;

namespace Jiceng.Modules.Assistance.DrawReceiptSample;

/// <param name="Year">The year whose paid applications are drawn from.</param>
/// <param name="Count">How many to draw (1–100); fewer when fewer are left undrawn.</param>
internal sealed record DrawReceiptSampleRequest(int? Year, int? Count);

internal sealed record SampledApplication(
    Guid Id,
    Guid OrganizationId,
    string MemberName,
    AssistanceCategory Category,
    Money Amount,
    DateOnly? PaidOn,
    long Version
);

/// <summary>The draw: how many paid applications were left undrawn in the year and scope, and those drawn now.
/// </summary>
internal sealed record ReceiptSample(int Year, long Candidates, IReadOnlyList<SampledApplication> Drawn);

/// <summary>Draws a random sample of the paid (or confirmed) applications of a year in the caller's scope, not
/// drawn before, for a follow-up visit that checks the money arrived.</summary>
internal sealed record DrawReceiptSampleCommand(DrawReceiptSampleRequest Body) : ICommand<ReceiptSample>;

internal sealed class DrawReceiptSampleValidator : AbstractValidator<DrawReceiptSampleCommand>
{
    public DrawReceiptSampleValidator()
    {
        RuleFor(c => c.Body.Year).NotNull().InclusiveBetween(2000, 2199).Field("year");
        RuleFor(c => c.Body.Count).NotNull().InclusiveBetween(1, 100).Field("count");
    }
}

internal sealed class DrawReceiptSampleHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<DrawReceiptSampleCommand, ReceiptSample>
{
    private const string CandidatesSql = """
        SELECT id FROM assistance_applications
        WHERE org_path >= @from AND org_path < @to AND year = @year AND status IN ('Paid', 'Confirmed')
          AND sampled = @no
        """;

    // One statement for the whole draw, conditional, so two draws at once never mark (and record) one application
    // twice: each marks what is still undrawn with its own draw id, which then says which rows are this draw's.
    private const string MarkSql = """
        UPDATE assistance_applications SET sampled = @yes, sample_draw_id = @drawId, updated_at = @now,
            version = version + 1
        WHERE id {in:ids} AND sampled = @no AND status IN ('Paid', 'Confirmed') AND org_path >= @from AND org_path < @to
        """;

    private const string DrawnSql = """
        SELECT id, org_id, member_name, category, amount, paid_on, version FROM assistance_applications
        WHERE sample_draw_id = @drawId
        """;

    private static readonly string[] StepColumns =
    [
        "id",
        "application_id",
        "step",
        "actor_id",
        "actor_name",
        "details",
        "created_at",
    ];

    private static readonly DbType[] StepNullTypes =
    [
        DbType.Guid,
        DbType.Guid,
        DbType.AnsiString,
        DbType.Guid,
        DbType.String,
        DbType.String,
        DbType.DateTimeOffset,
    ];

    public async ValueTask<ReceiptSample> Handle(DrawReceiptSampleCommand command, CancellationToken cancellationToken)
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var year = command.Body.Year!.Value;
        var candidates = (
            await db.QueryAsync<Guid>(
                CandidatesSql,
                new
                {
                    from = scope.From,
                    to = scope.To,
                    year,
                    no = false,
                },
                cancellationToken
            )
        ).ToArray();
        RandomNumberGenerator.Shuffle(candidates.AsSpan());
        var caller = callers.Current;
        var now = clock.GetUtcNow();
        var drawId = Guid.CreateVersion7();
        var chosen = candidates.Take(command.Body.Count!.Value).ToArray();
        var rows = (IReadOnlyList<Row>)[];
        if (chosen.Length > 0)
        {
            await db.ExecuteAsync(
                MarkSql,
                new
                {
                    ids = chosen,
                    drawId,
                    yes = true,
                    no = false,
                    now,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            );
            rows = await db.QueryAsync<Row>(DrawnSql, new { drawId }, cancellationToken);
            var details = Applications.StepDetails(new { year });
            await db.InsertRowsAsync(
                "assistance_application_steps",
                StepColumns,
                StepNullTypes,
                rows.Select(r =>
                    new object?[] { Guid.CreateVersion7(), r.Id, "Sampled", caller.Id, caller.ShownName, details, now }
                ),
                cancellationToken
            );
        }
        return new ReceiptSample(
            year,
            candidates.Length,
            rows.OrderBy(r => r.MemberName, Comparer<string>.Create(ChineseCollation.Compare))
                .Select(r => new SampledApplication(
                    r.Id,
                    r.OrgId,
                    r.MemberName,
                    r.Category,
                    Money.FromFen(r.Amount),
                    r.PaidOn,
                    r.Version
                ))
                .ToList()
        );
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public Guid OrgId { get; init; }
        public string MemberName { get; init; } = "";
        public AssistanceCategory Category { get; init; }
        public long Amount { get; init; }
        public DateOnly? PaidOn { get; init; }
        public long Version { get; init; }
    }
}
