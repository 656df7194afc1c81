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

    // Conditional, so two draws at once never mark (and record) one application twice.
    private const string MarkSql = """
        UPDATE assistance_applications SET sampled = @yes, updated_at = @now, version = version + 1
        WHERE id = @id AND sampled = @no AND status IN ('Paid', 'Confirmed') AND org_path >= @from AND org_path < @to
        """;

    private const string DrawnSql = """
        SELECT id, org_id, member_name, category, amount, paid_on, version FROM assistance_applications
        WHERE id {in:ids}
        """;

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
        var drawn = new List<Guid>();
        foreach (var id in candidates.Take(command.Body.Count!.Value))
        {
            var marked = await db.ExecuteAsync(
                MarkSql,
                new
                {
                    id,
                    yes = true,
                    no = false,
                    now,
                    from = scope.From,
                    to = scope.To,
                },
                cancellationToken
            );
            if (marked == 1)
            {
                drawn.Add(id);
                await Applications.RecordStepAsync(db, id, "Sampled", caller, new { year }, now, cancellationToken);
            }
        }
        var rows =
            drawn.Count == 0
                ? []
                : await db.QueryAsync<Row>(DrawnSql, new { ids = drawn.ToArray() }, cancellationToken);
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
