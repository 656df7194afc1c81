using FluentValidation;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.ConfirmMembership;

/// <param name="NoticeFrom">First day the list of members was publicly posted (公示).</param>
/// <param name="NoticeTo">Last day of the posting.</param>
/// <param name="AssemblyOn">The day the members' (representatives') assembly voted.</param>
/// <param name="AssemblyKind">Members' assembly (成员大会) or representatives' assembly (成员代表大会).</param>
/// <param name="Entitled">Members (representatives) entitled to vote.</param>
/// <param name="Present">Those present.</param>
/// <param name="VotesFor">Votes in favour.</param>
/// <param name="VotesAgainst">Votes against (abstentions are the rest of those present).</param>
/// <param name="DocumentRef">The resolution's reference (决议编号), if any.</param>
internal sealed record ConfirmMembershipRequest(
    DateOnly? NoticeFrom,
    DateOnly? NoticeTo,
    DateOnly? AssemblyOn,
    AssemblyKind? AssemblyKind,
    int? Entitled,
    int? Present,
    int? VotesFor,
    int? VotesAgainst,
    string? DocumentRef
);

internal sealed record ConfirmMembershipResponse(Guid Id, Guid CollectiveId);

/// <summary>
/// Records a membership confirmation (成员身份确认): the list's 公示 and the assembly's vote. Members registered
/// afterwards name it, so each member's record says when and how their membership was confirmed.
/// </summary>
internal sealed record ConfirmMembershipCommand(Guid CollectiveId, ConfirmMembershipRequest Body)
    : ICommand<ConfirmMembershipResponse>;

internal sealed class ConfirmMembershipValidator : AbstractValidator<ConfirmMembershipCommand>
{
    public ConfirmMembershipValidator(TimeProvider clock)
    {
        RuleFor(c => c.Body.NoticeFrom).NotNull();
        RuleFor(c => c.Body.NoticeTo).NotNull().GreaterThanOrEqualTo(c => c.Body.NoticeFrom);
        RuleFor(c => c.Body.AssemblyOn)
            .NotNull()
            .Must(d => d is null || d <= clock.Today())
            .WithMessage(_ => Localized.Text("表决日期不能晚于今天。", "The vote cannot be after today."));
        RuleFor(c => c.Body.AssemblyKind).NotNull().IsInEnum();
        RuleFor(c => c.Body.Entitled).NotNull().InclusiveBetween(1, 1_000_000);
        RuleFor(c => c.Body.Present).NotNull().InclusiveBetween(1, 1_000_000).LessThanOrEqualTo(c => c.Body.Entitled);
        RuleFor(c => c.Body.VotesFor).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(c => c.Body.VotesAgainst).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(c => c.Body.VotesFor)
            .Must((c, votes) => votes + c.Body.VotesAgainst <= c.Body.Present)
            .When(c => c.Body.VotesFor is not null && c.Body.VotesAgainst is not null && c.Body.Present is not null)
            .WithMessage(_ =>
                Localized.Text(
                    "赞成与反对票数之和不能超过到会人数。",
                    "Votes for and against cannot exceed those present."
                )
            );
        RuleFor(c => c.Body.DocumentRef).MaximumLength(100);
    }
}

internal sealed class ConfirmMembershipHandler(
    DbSession db,
    CurrentScope currentScope,
    CallerAccessor callers,
    TimeProvider clock
) : ICommandHandler<ConfirmMembershipCommand, ConfirmMembershipResponse>
{
    private const string InsertSql = """
        INSERT INTO collective_membership_confirmations (id, collective_id, notice_from, notice_to, assembly_on,
            assembly_kind, entitled, present, votes_for, votes_against, document_ref, recorded_by, recorded_at)
        VALUES (@id, @collectiveId, @noticeFrom, @noticeTo, @assemblyOn, @assemblyKind, @entitled, @present,
            @votesFor, @votesAgainst, @documentRef, @recordedBy, @now)
        """;

    public async ValueTask<ConfirmMembershipResponse> Handle(
        ConfirmMembershipCommand command,
        CancellationToken cancellationToken
    )
    {
        var scope = await currentScope.GetAsync(cancellationToken);
        var collective = await Collectives.FindAsync(db, scope, command.CollectiveId, cancellationToken);
        var body = command.Body;
        // A majority of those present: the usual rule of a members' (representatives') assembly resolution.
        if (body.VotesFor!.Value * 2 <= body.Present!.Value)
        {
            throw DividendsErrors.ConfirmationNotCarried(body.VotesFor.Value, body.Present.Value);
        }
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                collectiveId = collective.Id,
                noticeFrom = body.NoticeFrom!.Value,
                noticeTo = body.NoticeTo!.Value,
                assemblyOn = body.AssemblyOn!.Value,
                assemblyKind = body.AssemblyKind!.Value.ToString(),
                entitled = body.Entitled!.Value,
                present = body.Present.Value,
                votesFor = body.VotesFor.Value,
                votesAgainst = body.VotesAgainst!.Value,
                documentRef = string.IsNullOrWhiteSpace(body.DocumentRef) ? null : body.DocumentRef.Trim(),
                recordedBy = callers.Current.ShownName,
                now = clock.GetUtcNow(),
            },
            cancellationToken
        );
        return new(id, collective.Id);
    }
}
