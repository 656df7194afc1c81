using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.CreateShareType;

/// <param name="Name">The name shown on the certificate, e.g. 人口股.</param>
/// <param name="Kind">Population, labour-age, capital or another share.</param>
/// <param name="Weight">How much one share counts against a weight-1 share, up to four places (e.g. 0.5).</param>
/// <param name="SortOrder">Where the type stands in the register (by kind when left out).</param>
internal sealed record CreateShareTypeRequest(string? Name, ShareTypeKind? Kind, decimal? Weight, int? SortOrder);

/// <summary>Adds a share type (人口股, 劳龄股, 资金股, …) with its weight to a collective.</summary>
internal sealed record CreateShareTypeCommand(Guid CollectiveId, CreateShareTypeRequest Body)
    : ICommand<ShareTypeResponse>;

internal sealed class CreateShareTypeValidator : AbstractValidator<CreateShareTypeCommand>
{
    public CreateShareTypeValidator()
    {
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(50);
        RuleFor(c => c.Body.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Body.Weight)
            .NotNull()
            .GreaterThan(0m)
            .LessThanOrEqualTo(1000m)
            .Must(w => w is null || w * 10000 == decimal.Truncate(w.Value * 10000))
            .WithMessage(_ => Localized.Text("权重最多四位小数。", "A weight has at most four decimal places."));
        RuleFor(c => c.Body.SortOrder).InclusiveBetween(0, 1000);
    }
}

internal sealed class CreateShareTypeHandler(DbSession db, CurrentScope currentScope, TimeProvider clock)
    : ICommandHandler<CreateShareTypeCommand, ShareTypeResponse>
{
    private const string InsertSql = """
        INSERT INTO collective_share_types (id, collective_id, name, kind, weight_ten_thousandths, sort_order,
            created_at, updated_at, version)
        VALUES (@id, @collectiveId, @name, @kind, @weight, @sortOrder, @now, @now, 1)
        """;

    public async ValueTask<ShareTypeResponse> Handle(
        CreateShareTypeCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, command.CollectiveId, cancellationToken);
        var body = command.Body;
        var id = Guid.CreateVersion7();
        var sortOrder = body.SortOrder ?? (int)body.Kind!.Value;
        var weight = (long)(body.Weight!.Value * 10000);
        await db.ExecuteOrConflictAsync(
            InsertSql,
            new
            {
                id,
                collectiveId = collective.Id,
                name = body.Name!.Trim(),
                kind = body.Kind!.Value.ToString(),
                weight,
                sortOrder,
                now = clock.GetUtcNow(),
            },
            DividendsErrors.ShareTypeExists,
            cancellationToken
        );
        return new ShareTypeResponse(id, body.Name.Trim(), body.Kind.Value, weight / 10000m, sortOrder);
    }
}
