using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Dividends.CreateCollective;

/// <param name="OrganizationId">The village or community (or its branch) the collective belongs to.</param>
/// <param name="Name">The registered name, e.g. 三海社区股份经济合作社.</param>
/// <param name="Kind">Stock cooperative (股份经济合作社) or branch-led cooperative (党支部领办合作社).</param>
/// <param name="CreditCode">统一社会信用代码, 18 characters with its GB 32100 check character.</param>
/// <param name="LandTransferredMu">Land transferred in (流转土地), mu with at most two places.</param>
/// <param name="ShareManagement">Static ("生不增、死不减") or dynamic, chosen once per collective.</param>
/// <param name="EstablishedOn">The founding day, if known.</param>
internal sealed record CreateCollectiveRequest(
    Guid? OrganizationId,
    string? Name,
    CollectiveKind? Kind,
    string? CreditCode,
    decimal? LandTransferredMu,
    ShareManagement? ShareManagement,
    DateOnly? EstablishedOn
);

/// <summary>Registers a collective economic organization or a branch-led cooperative.</summary>
internal sealed record CreateCollectiveCommand(CreateCollectiveRequest Body) : ICommand<CollectiveResponse>;

internal sealed class CreateCollectiveValidator : AbstractValidator<CreateCollectiveCommand>
{
    public CreateCollectiveValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.OrganizationId).NotNull();
        RuleFor(c => c.Body.Name).RequiredText().MaximumLength(100);
        RuleFor(c => c.Body.Kind).NotNull().IsInEnum();
        RuleFor(c => c.Body.ShareManagement).NotNull().IsInEnum();
        RuleFor(c => c.Body.CreditCode)
            .Cascade(CascadeMode.Stop)
            .NotEmpty()
            .Must(CreditCode.IsValid)
            .WithMessage(_ =>
                Localized.Text(
                    "统一社会信用代码应为 18 位（数字或除 I、O、Z、S、V 以外的大写字母），且校验码正确。",
                    "A unified social credit code has 18 characters (digits or capitals other than I, O, Z, S, V) "
                        + "and a correct check character."
                )
            );
        RuleFor(c => c.Body.LandTransferredMu)
            .NotNull()
            .InclusiveBetween(0m, 10_000_000m)
            .Must(mu => mu is null || mu * 100 == decimal.Truncate(mu.Value * 100))
            .WithMessage(_ => Localized.Text("亩数最多两位小数。", "Mu have at most two decimal places."));
        RuleFor(c => c.Body.EstablishedOn)
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("成立日期不能晚于今天。", "The founding date cannot be after today."));
    }
}

internal sealed class CreateCollectiveHandler(
    DbSession db,
    CurrentScope currentScope,
    IOrganizationDirectory organizations,
    TimeProvider clock
) : ICommandHandler<CreateCollectiveCommand, CollectiveResponse>
{
    private const string InsertSql = """
        INSERT INTO collectives (id, org_id, org_path, region_root_id, name, kind, credit_code,
            land_transferred_centimu, share_management, established_on, created_at, updated_at, version)
        VALUES (@id, @orgId, @orgPath, @regionRootId, @name, @kind, @creditCode, @centimu, @shareManagement,
            @establishedOn, @now, @now, 1)
        """;

    private const string FindSql = "SELECT " + CollectiveViews.Columns + " FROM collectives c WHERE c.id = @id";

    public async ValueTask<CollectiveResponse> Handle(
        CreateCollectiveCommand command,
        CancellationToken cancellationToken
    )
    {
        var body = command.Body;
        var scope = await currentScope.GetAsync(cancellationToken);
        var (organization, regionRootId) = await CollectiveViews.OrganizationAsync(
            organizations,
            scope,
            body.OrganizationId!.Value,
            cancellationToken
        );
        var id = Guid.CreateVersion7();
        await db.ExecuteOrConflictAsync(
            InsertSql,
            new
            {
                id,
                orgId = organization.Id,
                orgPath = organization.Path,
                regionRootId,
                name = body.Name!.Trim(),
                kind = body.Kind!.Value.ToString(),
                creditCode = body.CreditCode,
                centimu = (long)(body.LandTransferredMu!.Value * 100),
                shareManagement = body.ShareManagement!.Value.ToString(),
                establishedOn = body.EstablishedOn,
                now = clock.GetUtcNow(),
            },
            DividendsErrors.CreditCodeExists,
            cancellationToken
        );
        var row = await db.QuerySingleOrDefaultAsync<CollectiveRow>(FindSql, new { id }, cancellationToken);
        return (await CollectiveViews.RespondAsync([row!], organizations, cancellationToken))[0];
    }
}
