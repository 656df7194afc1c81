using FluentValidation;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Volunteering.Domain;
using Mediator;

namespace Jiceng.Modules.Volunteering.RateDemand;

internal sealed record RateDemandRequest(int? Stars, string? Comment);

/// <summary>
/// 评单: 1–5 stars and a comment, by the requester (through the residents' system) or by staff on their behalf;
/// the timeline says which.
/// </summary>
internal sealed record RateDemandCommand(Guid Id, long ExpectedVersion, RateDemandRequest Body)
    : ICommand<DemandResponse>;

internal sealed class RateDemandValidator : AbstractValidator<RateDemandCommand>
{
    public RateDemandValidator()
    {
        RuleFor(c => c.Body.Stars).NotNull().InclusiveBetween(1, 5);
        RuleFor(c => c.Body.Comment).MaximumLength(500);
    }
}

internal sealed class RateDemandHandler(DemandTransitions transitions)
    : ICommandHandler<RateDemandCommand, DemandResponse>
{
    private const string AdvanceSql = """
        UPDATE volunteer_demands SET state = 'Rated', stars = @stars, rating_comment = @comment, rated_at = @now,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND state = @expectedState AND org_path >= @from AND org_path < @to
        """;

    public async ValueTask<DemandResponse> Handle(RateDemandCommand command, CancellationToken cancellationToken)
    {
        var step = await transitions.StartAsync(
            command.Id,
            command.ExpectedVersion,
            DemandStep.Rate,
            cancellationToken
        );
        var comment = string.IsNullOrWhiteSpace(command.Body.Comment) ? null : VisibleText.Trim(command.Body.Comment);
        var ratedBy = step.Caller.Kind == CallerKind.ApiClient ? "Requester" : "StaffOnBehalf";
        return await step.AdvanceAsync(
            AdvanceSql,
            new { stars = command.Body.Stars, comment },
            comment,
            new { stars = command.Body.Stars, ratedBy },
            cancellationToken
        );
    }
}
