using System.Globalization;
using Jiceng.Infrastructure;
using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Dividends.ApprovePlan;
using Jiceng.Modules.Dividends.ConfirmMembership;
using Jiceng.Modules.Dividends.ConfirmPayout;
using Jiceng.Modules.Dividends.CreateCollective;
using Jiceng.Modules.Dividends.CreatePayouts;
using Jiceng.Modules.Dividends.CreatePlan;
using Jiceng.Modules.Dividends.CreateShareType;
using Jiceng.Modules.Dividends.Domain;
using Jiceng.Modules.Dividends.ListPayouts;
using Jiceng.Modules.Dividends.RecordIncomeStatement;
using Jiceng.Modules.Dividends.RecordObjection;
using Jiceng.Modules.Dividends.RecordPlanStep;
using Jiceng.Modules.Dividends.RegisterHousehold;
using Jiceng.Modules.Dividends.ReviewPlan;
using Jiceng.Modules.Dividends.StartPlanNotice;
using Mediator;

namespace Jiceng.Modules.Dividends;

/// <summary>
/// One region's demo dividends, each record through its command inside the seeder's transaction: the collective
/// accountant registers, enters and prepares; the station's reviewer reviews and approves. Each command of a plan's
/// flow runs on the app's <see cref="DemoClock"/> set back to the day (and an office hour) of its own document, so a
/// step's record, an objection's entry, the payout list and each signature are stamped when they would have been, not
/// when the demo was seeded. The caller resets the clock when the run ends.
/// </summary>
internal sealed class DividendsDemoRun(
    IMediator mediator,
    CallerAccessor callers,
    Caller accountant,
    Caller reviewer,
    DateOnly today,
    DateTimeOffset realNow,
    DemoCounts counts
)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    // 逐一签字、按手印 takes time: one signature every 12 seconds from 09:00 (1,948 people by 15:30).
    private static readonly TimeSpan SignatureEvery = TimeSpan.FromSeconds(12);

    private readonly Dictionary<Guid, Dictionary<string, Guid>> _shareTypes = [];

    private DateOnly Date(string text) => DemoDates.Parse(text, today);

    /// <summary>
    /// Makes the day and time (Shanghai) of a step now for this flow's commands: never after the real now (a step
    /// "today at 15:00" seeded at 08:00 happens a minute ago instead), so no record is stamped in the future.
    /// </summary>
    private void At(DateOnly day, TimeSpan time)
    {
        var moment = new DateTimeOffset(day.ToDateTime(TimeOnly.FromTimeSpan(time)), Shanghai);
        DemoClock.Set(moment < realNow ? moment : realNow.AddMinutes(-1));
    }

    private void At(DateOnly day, int hour, int minute = 0) => At(day, new TimeSpan(hour, minute, 0));

    public async Task<Guid> CollectiveAsync(DemoCollective seed, Guid organizationId, CancellationToken ct)
    {
        callers.ActAs(accountant);
        var collective = await mediator.Send(
            new CreateCollectiveCommand(
                new CreateCollectiveRequest(
                    organizationId,
                    seed.Name,
                    seed.Kind,
                    seed.CreditCode,
                    seed.LandTransferredMu,
                    seed.ShareManagement,
                    seed.EstablishedOn
                )
            ),
            ct
        );
        counts.Add("collectives");
        var types = _shareTypes[collective.Id] = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var type in seed.ShareTypes ?? [])
        {
            var created = await mediator.Send(
                new CreateShareTypeCommand(
                    collective.Id,
                    new CreateShareTypeRequest(type.Name, type.Kind, type.Weight, null)
                ),
                ct
            );
            types[type.Name] = created.Id;
        }
        if (seed.Register is { } register)
        {
            await RegisterAsync(collective.Id, register, types, ct);
        }
        foreach (var income in seed.Incomes ?? [])
        {
            await mediator.Send(
                new RecordIncomeStatementCommand(
                    collective.Id,
                    income.Year ?? today.Year - 1,
                    null,
                    new IncomeStatementBody(
                        Money.FromYuan(income.OperatingIncome),
                        Money.FromYuan(income.InvestmentIncome),
                        Money.FromYuan(income.OtherIncome),
                        Money.FromYuan(income.GrantIncome),
                        Money.FromYuan(income.LandCompensation),
                        Money.FromYuan(income.Costs),
                        Money.FromYuan(income.LossesCarried),
                        Money.FromYuan(income.Reserve),
                        Money.FromYuan(income.MemberDividends),
                        Money.FromYuan(income.ByVolumeReturn),
                        income.Notes
                    )
                ),
                ct
            );
            counts.Add("incomes");
        }
        return collective.Id;
    }

    private async Task RegisterAsync(
        Guid collectiveId,
        DemoRegister register,
        Dictionary<string, Guid> types,
        CancellationToken ct
    )
    {
        var c = register.Confirmation;
        var confirmation = await mediator.Send(
            new ConfirmMembershipCommand(
                collectiveId,
                new ConfirmMembershipRequest(
                    Date(c.NoticeFrom),
                    Date(c.NoticeTo),
                    Date(c.AssemblyOn),
                    c.AssemblyKind,
                    c.Entitled,
                    c.Present,
                    c.VotesFor,
                    c.VotesAgainst,
                    c.DocumentRef
                )
            ),
            ct
        );
        var households = DividendsDemoPeople.Households(
            // The same people on every start; each collective its own.
            register.NumberPrefix.Aggregate(2023, (h, ch) => h * 31 + ch),
            register.NumberPrefix,
            register.AreaCode,
            register.Members,
            register.Elderly,
            register.ElderlyAge,
            Date(register.AgesOn),
            register.NamedHeads
        );
        foreach (var household in households)
        {
            await mediator.Send(
                new RegisterHouseholdCommand(
                    collectiveId,
                    new RegisterHouseholdRequest(
                        household.Number,
                        register.Address + household.Number[register.NumberPrefix.Length..].TrimStart('0') + "号",
                        Date(register.SharesFrom),
                        confirmation.Id,
                        household
                            .Members.Select(p => new NewCollectiveMember(
                                p.Name,
                                p.IdNumber,
                                p.Relation,
                                p.BankAccount,
                                p.BankAccount is null ? null : register.BankName,
                                Shares(register.Shares, types, p.Age)
                            ))
                            .ToList()
                    )
                ),
                ct
            );
            counts.Add("households");
            counts.Add("members", household.Members.Count);
        }
    }

    private static List<ShareQuantity> Shares(
        IReadOnlyList<DemoShareRule> rules,
        Dictionary<string, Guid> types,
        int age
    )
    {
        var shares = new List<ShareQuantity>();
        foreach (var rule in rules)
        {
            var quantity = rule.Each ?? Math.Min(rule.Most ?? int.MaxValue, age - (rule.YearsOfAgeFrom ?? age));
            if (quantity > 0)
            {
                shares.Add(new ShareQuantity(types[rule.Type], quantity));
            }
        }
        return shares;
    }

    public async Task PlanAsync(DemoPlan seed, Guid collectiveId, CancellationToken ct)
    {
        callers.ActAs(accountant);
        var year = seed.Year ?? today.Year - 1;
        var types = _shareTypes[collectiveId];
        // Drafted the morning its proposal went to the branch (or, with no step yet, on its cut-off date).
        At(seed.Steps.Count > 0 ? Date(seed.Steps[0].On) : Date(seed.CutOffOn), 9);
        var plan = await mediator.Send(
            new CreatePlanCommand(
                new PlanTermsRequest(
                    collectiveId,
                    year,
                    seed.Title.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                    Date(seed.CutOffOn),
                    seed.Parts.Select(p => new PlanPartRequest(
                            p.Kind,
                            p.Label,
                            p.Method,
                            p.PayeeUnit,
                            p.Pool is { } pool ? Money.FromYuan(pool) : null,
                            p.Amount is { } amount ? Money.FromYuan(amount) : null,
                            p.Weights?.ToDictionary(w => types[w.Key], w => w.Value),
                            p.MinAge
                        ))
                        .ToList()
                )
            ),
            ct
        );
        counts.Add("plans");
        var (id, version) = (plan.Id, plan.Version);
        foreach (var step in seed.Steps)
        {
            var vote = step.Vote is { } v
                ? new AssemblyVoteRequest(v.Body, v.Entitled, v.Present, v.InFavour, v.Against, v.Abstaining)
                : null;
            var on = Date(step.On);
            // Meetings sit in the afternoon; a proposal or deliberation is recorded when its minutes are signed.
            At(on, step.Vote is null ? 11 : 16);
            version = (
                await mediator.Send(
                    new RecordPlanStepCommand(
                        id,
                        version,
                        new RecordPlanStepRequest(step.Step, on, Ref(step, on), vote)
                    ),
                    ct
                )
            ).Version;
        }
        if (seed.Review is { } review)
        {
            callers.ActAs(reviewer);
            var on = Date(review.On);
            At(on, 10);
            version = (
                await mediator.Send(
                    new ReviewPlanCommand(id, version, new ReviewPlanRequest(on, Ref(review.DocumentRef, on))),
                    ct
                )
            ).Version;
        }
        if (seed.Notice is { } notice)
        {
            callers.ActAs(accountant);
            var on = Date(notice.StartsOn);
            At(on, 8, 30);
            version = (
                await mediator.Send(
                    new StartPlanNoticeCommand(
                        id,
                        version,
                        new StartPlanNoticeRequest(on, Ref(notice.DocumentRef, on))
                    ),
                    ct
                )
            ).Version;
            counts.Add(seed.Approval is null ? "notice" : "noticed");
        }
        foreach (var objection in seed.Objections ?? [])
        {
            callers.ActAs(accountant);
            At(Date(objection.ReceivedOn), 14);
            await mediator.Send(
                new RecordObjectionCommand(
                    id,
                    new RecordObjectionRequest(Date(objection.ReceivedOn), objection.RaisedBy, objection.Content)
                ),
                ct
            );
            counts.Add("objections");
        }
        if (seed.Approval is { } approval)
        {
            callers.ActAs(reviewer);
            var on = Date(approval.On);
            At(on, 10);
            version = (
                await mediator.Send(
                    new ApprovePlanCommand(id, version, new ApprovePlanRequest(on, Ref(approval.DocumentRef, on))),
                    ct
                )
            ).Version;
            counts.Add("approved");
        }
        if (seed.Payouts is { } payouts)
        {
            await PayOutAsync(id, version, payouts, ct);
        }
    }

    private async Task PayOutAsync(Guid planId, long version, DemoPayouts seed, CancellationToken ct)
    {
        callers.ActAs(accountant);
        var paidOn = Date(seed.PaidOn);
        // The list (and its printed 签领表) is made the morning of the payout meeting; the step is dated that day.
        At(paidOn, 8);
        await mediator.Send(new CreatePayoutsCommand(planId, version, new CreatePayoutsRequest(null)), ct);
        var unpaid = await mediator.Send(
            new ListPayoutsQuery(planId, PayoutStatus.Unpaid, PageRequest.ForExport, "lineNo"),
            ct
        );
        var row = 0;
        foreach (var payout in unpaid.Items)
        {
            // 逐一签字、按手印: each line of the printed sheet signed and thumb-printed.
            var reference = string.Create(
                CultureInfo.InvariantCulture,
                $"{seed.Sheet}第{row / seed.RowsPerPage + 1}页第{row % seed.RowsPerPage + 1}行"
            );
            At(paidOn, new TimeSpan(9, 0, 0) + SignatureEvery * row);
            await mediator.Send(
                new ConfirmPayoutCommand(
                    payout.Id,
                    payout.Version,
                    new ConfirmPayoutRequest(seed.Method, paidOn, reference, null, null)
                ),
                ct
            );
            row++;
            counts.Add("confirmed");
        }
    }

    private static string Ref(DemoStep step, DateOnly on) => Ref(step.DocumentRef, on);

    private static string Ref(string documentRef, DateOnly on) =>
        documentRef.Replace("{y}", on.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
