using System.Security.Cryptography;
using FluentValidation;
using Jiceng.Infrastructure.Mediation;
using Jiceng.Modules.Calendar.Contracts;
using Jiceng.Modules.Dividends.Domain;
using Mediator;

namespace Jiceng.Modules.Dividends.StartPlanNotice;

/// The plan is posted (公示) for the region's days: calendar days by default, working days (IWorkingCalendar) where
/// the region's rule says so. The sheet carries a check code a villager can verify on the public page.
internal sealed record StartPlanNoticeRequest(DateOnly? StartsOn, string? DocumentRef);

internal sealed record StartPlanNoticeCommand(Guid Id, long ExpectedVersion, StartPlanNoticeRequest Body)
    : ICommand<PlanView>;

internal sealed class StartPlanNoticeValidator : AbstractValidator<StartPlanNoticeCommand>
{
    public StartPlanNoticeValidator()
    {
        RuleFor(c => c.Body.StartsOn).NotNull();
        RuleFor(c => c.Body.DocumentRef).RequiredText().MaximumLength(100);
    }
}

internal sealed class StartPlanNoticeHandler(PlanSteps steps, IWorkingCalendar calendar)
    : ICommandHandler<StartPlanNoticeCommand, PlanView>
{
    private const string AdvanceSql = """
        UPDATE dividend_plans SET notice_starts_on = @startsOn, notice_ends_on = @endsOn, check_code = @checkCode,
            updated_at = @now, version = version + 1
        WHERE id = @id AND version = @version AND stage = @expectedStage
          AND org_path >= @from AND org_path < @to AND notice_starts_on IS NULL
        """;

    // Letters and digits a villager cannot confuse when typing the code from paper (no 0/O, 1/I/L).
    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public async ValueTask<PlanView> Handle(StartPlanNoticeCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.StartAsync(command.Id, command.ExpectedVersion, [PlanStage.Notice], cancellationToken);
        if (step.Plan.NoticeStartsOn is not null)
        {
            throw DividendsErrors.PlanWrongStage(step.Plan.Stage, PlanStage.Review);
        }
        var startsOn = command.Body.StartsOn!.Value;
        var days = step.Rules.NoticeDays.Value;
        var endsOn =
            step.Rules.NoticeInWorkingDays.Value == 1
                ? await calendar.EndOfPeriodAsync(startsOn, days, cancellationToken)
                : PlanRules.NoticeEndsOnCalendarDays(startsOn, days);
        var checkCode = RandomNumberGenerator.GetString(CodeAlphabet, 10);
        await step.AdvanceAsync(
            AdvanceSql,
            new
            {
                startsOn,
                endsOn,
                checkCode,
            },
            PlanStepCodes.Notice,
            PlanStepCodes.Label(PlanStepCodes.Notice),
            startsOn,
            command.Body.DocumentRef!.Trim(),
            null,
            cancellationToken
        );
        return await step.ViewAsync(cancellationToken);
    }
}
