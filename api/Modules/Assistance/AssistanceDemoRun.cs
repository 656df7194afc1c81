using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Assistance.ApproveApplication;
using Jiceng.Modules.Assistance.BuildVisitList;
using Jiceng.Modules.Assistance.CancelApplication;
using Jiceng.Modules.Assistance.ConfirmReceipt;
using Jiceng.Modules.Assistance.CreateFund;
using Jiceng.Modules.Assistance.DisburseApplication;
using Jiceng.Modules.Assistance.Domain;
using Jiceng.Modules.Assistance.LogHelp;
using Jiceng.Modules.Assistance.PairHelper;
using Jiceng.Modules.Assistance.RecordFundIncome;
using Jiceng.Modules.Assistance.RecordVisit;
using Jiceng.Modules.Assistance.RejectApplication;
using Jiceng.Modules.Assistance.ReviewApplication;
using Jiceng.Modules.Assistance.SubmitApplication;
using Jiceng.Modules.Members.Contracts;
using Jiceng.Modules.Organizations.Contracts;
using Mediator;

namespace Jiceng.Modules.Assistance;

/// <summary>One run of the care fund's demo seed (see <see cref="AssistanceDemoSeeder"/>).</summary>
internal sealed class DemoCareRun(
    IMediator mediator,
    DbSession db,
    CallerAccessor callers,
    DataScope scope,
    IMemberHardships hardships,
    IMemberVolunteers volunteers,
    AssistanceRuleSets ruleSets,
    DemoCareStaff staff,
    DemoCareFile seed,
    OrganizationReference root,
    DateOnly today,
    ILogger logger
)
{
    // The module's own table: the seed reads which visits a list it just built holds, to record them.
    private const string VisitsSql = """
        SELECT id, member_id, hardship_category, version FROM assistance_visits
        WHERE list_id = @listId ORDER BY org_path, name, id
        """;

    private readonly HashSet<Guid> _paidPeople = [];
    private AssistanceRules _rules = null!;
    private Guid _fundId;

    public DemoCareCounts Counts { get; } = new();

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        _rules = await ruleSets.ForAsync(root.Id, cancellationToken);
        var years = FestivalYears();
        await FundAsync(years[0], cancellationToken);
        var lists = new List<(VisitListResponse List, IReadOnlyList<VisitRow> Visits)>();
        foreach (var year in years)
        {
            lists.Add(await VisitListAsync(year, cancellationToken));
        }
        // Who gets money: members in hardship on a list, until as many people as the article's; the others (and
        // the old members not in hardship) get goods. The visit money is what is left after the aid.
        var moneyVisits = new HashSet<Guid>();
        var people = new HashSet<Guid>();
        foreach (var visit in lists.SelectMany(l => l.Visits).Where(v => v.HardshipCategory is not null))
        {
            if (people.Contains(visit.MemberId!.Value) || people.Count < seed.People)
            {
                people.Add(visit.MemberId!.Value);
                moneyVisits.Add(visit.Id);
            }
        }
        if (people.Count < seed.People)
        {
            logger.LogWarning(
                "Demo care fund: only {Count} members in hardship on the visit lists, {Wanted} wanted",
                people.Count,
                seed.People
            );
        }
        var totalFen = seed.PaidYuan * 100;
        var visitFen = Math.Min(
            100_000,
            (totalFen - seed.AidYuan * 100) / Math.Max(1, moneyVisits.Count) / 1000 * 1000
        );
        var aidFen = totalFen - visitFen * moneyVisits.Count;
        foreach (var (list, visits) in lists)
        {
            await RecordVisitsAsync(list, visits, moneyVisits, Money.FromFen(visitFen), cancellationToken);
        }
        await PaidApplicationsAsync(aidFen, cancellationToken);
        await OpenApplicationsAsync(cancellationToken);
        await PairsAsync(cancellationToken);
        Counts.People = _paidPeople.Count;
    }

    /// <summary>
    /// The last three Spring Festivals whose visits are done: this year's once its visiting period is well under
    /// way, else the three before.
    /// </summary>
    private int[] FestivalYears()
    {
        var last =
            VisitRules.DayOf(VisitOccasion.SpringFestival, today.Year).AddDays(-10) <= today
                ? today.Year
                : today.Year - 1;
        return [last - 2, last - 1, last];
    }

    /// <summary>The fund: its start from city-managed dues half a year before the first festival, a top-up early in
    /// each of the three years (from the yearly dues budget, the region's percentage).</summary>
    private async Task FundAsync(int firstYear, CancellationToken cancellationToken)
    {
        Act(staff.Preparer);
        var fund = await mediator.Send(
            new CreateFundCommand(new CreateFundRequest(root.Id, seed.FundName)),
            cancellationToken
        );
        _fundId = fund.Id;
        await IncomeAsync(seed.Start.Yuan, seed.Start.Purpose, new DateOnly(firstYear - 1, 6, 30), cancellationToken);
        for (var i = 0; i < seed.TopUps.Count; i++)
        {
            var topUp = seed.TopUps[i];
            var on = Earliest(new DateOnly(firstYear + i, 1, 10), today);
            var purpose = $"{firstYear + i}年{topUp.Purpose}（{_rules.YearlyTopUpPercent.Value}%）";
            await IncomeAsync(topUp.Yuan, purpose, on, cancellationToken);
        }
    }

    private async Task IncomeAsync(long yuan, string purpose, DateOnly on, CancellationToken cancellationToken) =>
        await mediator.Send(
            new RecordFundIncomeCommand(
                _fundId,
                new RecordFundIncomeRequest(FundSource.DuesShare, Money.FromYuan(yuan), purpose, on)
            ),
            cancellationToken
        );

    private async Task<(VisitListResponse, IReadOnlyList<VisitRow>)> VisitListAsync(
        int year,
        CancellationToken cancellationToken
    )
    {
        Act(staff.Preparer);
        var list = await mediator.Send(
            new BuildVisitListCommand(new BuildVisitListRequest(root.Id, VisitOccasion.SpringFestival, year)),
            cancellationToken
        );
        var visits = await db.QueryAsync<VisitRow>(VisitsSql, new { listId = list.Id }, cancellationToken);
        return (list, visits);
    }

    /// <summary>Each visit on the list recorded in the fortnight before the festival, by the branch and the
    /// committee above; money out of the fund through its ledger, or goods with their value.</summary>
    private async Task RecordVisitsAsync(
        VisitListResponse list,
        IReadOnlyList<VisitRow> visits,
        HashSet<Guid> moneyVisits,
        Money visitMoney,
        CancellationToken cancellationToken
    )
    {
        Act(staff.Payer);
        var window = Math.Max(2, Math.Min(_rules.VisitWindowDays.Value, 20));
        for (var i = 0; i < visits.Count; i++)
        {
            var visit = visits[i];
            var visitedOn = Earliest(list.OccasionOn.AddDays(-window + 1 + i % (window - 1)), today);
            var money = moneyVisits.Contains(visit.Id);
            await mediator.Send(
                new RecordVisitCommand(
                    visit.Id,
                    visit.Version,
                    new RecordVisitRequest(
                        visitedOn,
                        seed.Visitors[i % seed.Visitors.Count],
                        money ? visitMoney : null,
                        money ? _fundId : null,
                        money ? $"春节慰问金 {list.Year}-{i + 1:0000}" : null,
                        seed.Goods,
                        Money.FromYuan(seed.GoodsValueYuan),
                        null
                    )
                ),
                cancellationToken
            );
            if (money)
            {
                Paid(visit.MemberId!.Value, visitMoney);
                Counts.MoneyVisits++;
            }
        }
    }

    /// <summary>
    /// This year's aid applications, paid: submitted by the branch's clerk, reviewed by the fund manager with the
    /// notice, approved by the street (and the district above its limit), paid by the cashier; most confirmed.
    /// Together they pay what the visits did not, so the total is the article's.
    /// </summary>
    private async Task PaidApplicationsAsync(long aidFen, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(cancellationToken);
        var amounts = AidAmounts(aidFen);
        var yearStart = new DateOnly(today.Year, 1, 1);
        var first = Latest(yearStart, today.AddDays(-330));
        var last = today.AddDays(-20);
        var span = Math.Max(0, last.DayNumber - first.DayNumber);
        for (var i = 0; i < amounts.Count && i < recipients.Count; i++)
        {
            var amount = amounts[i];
            var category = CategoryOf(amount, i);
            // Early in January the first reviews fall in December: the notice must be over before the approval.
            var reviewedOn = Earliest(first.AddDays(amounts.Count > 1 ? span * i / (amounts.Count - 1) : 0), last);
            var application = await ApprovedAsync(recipients[i], category, amount, reviewedOn, cancellationToken);
            var paidOn = Earliest(Latest(application.NoticeTo!.Value.AddDays(4), yearStart), today);
            application = await PayAsync(application, paidOn, i, cancellationToken);
            Paid(recipients[i], amount);
            Counts.PaidApplications++;
            // The latest few wait for the recipient's confirmation.
            if (i < amounts.Count - 12)
            {
                Act(staff.Preparer);
                await mediator.Send(
                    new ConfirmReceiptCommand(
                        application.Id,
                        application.Version,
                        new ConfirmReceiptRequest(Earliest(paidOn.AddDays(3), today), "本人签字确认收到。")
                    ),
                    cancellationToken
                );
            }
        }
    }

    /// <summary>The other states, this month: submitted, in notice, waiting for each tier, approved and waiting
    /// for payment, rejected at the review and by the approver, withdrawn, and one repeat flagged for review.
    /// </summary>
    private async Task OpenApplicationsAsync(CancellationToken cancellationToken)
    {
        var recipients = (await RecipientsAsync(cancellationToken)).AsEnumerable().Reverse().ToList();
        if (recipients.Count == 0)
        {
            return;
        }
        var n = 0;
        Guid Next() => recipients[n++ % recipients.Count];
        foreach (var days in new[] { 1, 2, 4 })
        {
            Act(staff.Applicant);
            await SubmitAsync(Next(), AssistanceCategory.Hardship, Money.FromYuan(800 + 300 * days), cancellationToken);
        }
        // In notice: reviewed, the notice still running.
        foreach (var amount in new[] { 1500, 3000 })
        {
            var category = CategoryOf(Money.FromYuan(amount), n);
            var submitted = await SubmitAsync(Next(), category, Money.FromYuan(amount), cancellationToken);
            await ReviewAsync(submitted, today.AddDays(-1), cancellationToken);
        }
        // Notice over, waiting for the street.
        foreach (var amount in new[] { 1200, 4000 })
        {
            var category = CategoryOf(Money.FromYuan(amount), n);
            var submitted = await SubmitAsync(Next(), category, Money.FromYuan(amount), cancellationToken);
            await ReviewAsync(submitted, today.AddDays(-12), cancellationToken);
        }
        // Street approved, waiting for the district.
        foreach (var amount in new[] { 2500, 3500 })
        {
            await StreetApprovedAsync(Next(), Money.FromYuan(amount), n, cancellationToken);
        }
        // Approved, waiting for payment (their holds count against the balance).
        foreach (var amount in new[] { 1000, 2000, 3000 })
        {
            await ApprovedAsync(
                Next(),
                CategoryOf(Money.FromYuan(amount), n),
                Money.FromYuan(amount),
                today.AddDays(-15),
                cancellationToken
            );
        }
        // Rejected at the branch's review.
        var failed = await SubmitAsync(Next(), AssistanceCategory.Hardship, Money.FromYuan(1000), cancellationToken);
        Act(staff.Preparer);
        await mediator.Send(
            new ReviewApplicationCommand(
                failed.Id,
                failed.Version,
                new ReviewApplicationRequest(
                    today.AddDays(-9),
                    false,
                    null,
                    null,
                    "支部评议：家庭收入已高于当地标准，不符合帮扶条件。"
                )
            ),
            cancellationToken
        );
        // Rejected by the street's approver after the notice.
        var turnedDown = await SubmitAsync(
            Next(),
            AssistanceCategory.Hardship,
            Money.FromYuan(1800),
            cancellationToken
        );
        turnedDown = await ReviewAsync(turnedDown, today.AddDays(-14), cancellationToken);
        Act(staff.Street);
        await mediator.Send(
            new RejectApplicationCommand(
                turnedDown.Id,
                turnedDown.Version,
                new RejectApplicationRequest("公示期间收到反映，已享受民政临时救助，本年度不再重复帮扶。")
            ),
            cancellationToken
        );
        // Withdrawn after the street's approval: the hold is released.
        var withdrawn = await StreetApprovedAsync(Next(), Money.FromYuan(2600), n, cancellationToken);
        Act(staff.Preparer);
        await mediator.Send(
            new CancelApplicationCommand(
                withdrawn.Id,
                withdrawn.Version,
                new CancelApplicationRequest("申请人病情好转，本人申请撤回。")
            ),
            cancellationToken
        );
        // A second application of the year for someone the fund already helped for the same reason: flagged.
        if ((await RecipientsAsync(cancellationToken)).FirstOrDefault() is { } helpedBefore && helpedBefore != default)
        {
            await SubmitAsync(helpedBefore, AssistanceCategory.Hardship, Money.FromYuan(1000), cancellationToken);
        }
    }

    private async Task<ApplicationResponse> StreetApprovedAsync(
        Guid member,
        Money amount,
        int n,
        CancellationToken cancellationToken
    )
    {
        var submitted = await SubmitAsync(member, CategoryOf(amount, n), amount, cancellationToken);
        var reviewed = await ReviewAsync(submitted, today.AddDays(-16), cancellationToken);
        Act(staff.Street);
        return await mediator.Send(
            new ApproveApplicationCommand(reviewed.Id, reviewed.Version, new ApproveApplicationRequest("同意。")),
            cancellationToken
        );
    }

    /// <summary>Submitted, reviewed on the day with the notice after it, approved by each tier the amount needs.
    /// </summary>
    private async Task<ApplicationResponse> ApprovedAsync(
        Guid member,
        AssistanceCategory category,
        Money amount,
        DateOnly reviewedOn,
        CancellationToken cancellationToken
    )
    {
        var application = await SubmitAsync(member, category, amount, cancellationToken);
        application = await ReviewAsync(application, reviewedOn, cancellationToken);
        Act(staff.Street);
        application = await mediator.Send(
            new ApproveApplicationCommand(application.Id, application.Version, new ApproveApplicationRequest("同意。")),
            cancellationToken
        );
        if (application.Status == ApplicationStatus.StreetApproved)
        {
            Act(staff.District);
            application = await mediator.Send(
                new ApproveApplicationCommand(
                    application.Id,
                    application.Version,
                    new ApproveApplicationRequest("经区委组织部审核，同意。")
                ),
                cancellationToken
            );
        }
        return application;
    }

    private async Task<ApplicationResponse> SubmitAsync(
        Guid member,
        AssistanceCategory category,
        Money amount,
        CancellationToken cancellationToken
    )
    {
        Act(staff.Applicant);
        Counts.Applications++;
        return await mediator.Send(
            new SubmitApplicationCommand(
                new SubmitApplicationRequest(
                    member,
                    category,
                    amount,
                    seed.Reasons.GetValueOrDefault(category.ToString(), seed.Reasons.Values.First()),
                    Counts.Applications % 4 == 0 ? "本年度已获民政临时救助" : null,
                    Counts.Applications % 4 == 0 ? Money.FromYuan(500) : null
                )
            ),
            cancellationToken
        );
    }

    /// <summary>The branch's review, passed, with the in-party notice from the next day for the region's days.
    /// </summary>
    private async Task<ApplicationResponse> ReviewAsync(
        ApplicationResponse application,
        DateOnly reviewedOn,
        CancellationToken cancellationToken
    )
    {
        Act(staff.Preparer);
        var noticeFrom = reviewedOn.AddDays(1);
        return await mediator.Send(
            new ReviewApplicationCommand(
                application.Id,
                application.Version,
                new ReviewApplicationRequest(
                    reviewedOn,
                    true,
                    noticeFrom,
                    noticeFrom.AddDays(_rules.ReviewNoticeDays.Value - 1),
                    "支部委员会评议通过，党内公示（姓名脱敏）。"
                )
            ),
            cancellationToken
        );
    }

    private async Task<ApplicationResponse> PayAsync(
        ApplicationResponse application,
        DateOnly paidOn,
        int i,
        CancellationToken cancellationToken
    )
    {
        Act(staff.Payer);
        var method = i % 5 == 4 ? PaymentMethod.Cash : PaymentMethod.BankTransfer;
        var reference =
            method == PaymentMethod.Cash
                ? $"现金领取签收单 {paidOn.Year}-{i + 1:0000}"
                : $"银行转账 JX{paidOn:yyyyMMdd}{i + 1:0000}";
        return await mediator.Send(
            new DisburseApplicationCommand(
                application.Id,
                application.Version,
                true,
                new DisburseApplicationRequest(paidOn, method, reference)
            ),
            cancellationToken
        );
    }

    /// <summary>
    /// 1+N: each in-service member who reports to a community (双报到) helps several members in hardship; help
    /// logged every few weeks, but one pair in four has had no log for over three months.
    /// </summary>
    private async Task PairsAsync(CancellationToken cancellationToken)
    {
        var reports = await volunteers.CommunityReportsAsync(scope, today.AddYears(-1), today, cancellationToken);
        var helpers = reports.Select(r => r.MemberId).Distinct().ToList();
        var startedOn = today.AddMonths(-8);
        var inHardshipThen = (await hardships.OnDayAsync(startedOn, scope, cancellationToken))
            .Select(h => h.MemberId)
            .ToHashSet();
        var helped = (await RecipientsAsync(cancellationToken)).Where(inHardshipThen.Contains).Skip(40).ToList();
        var k = 0;
        Act(staff.Preparer);
        foreach (var helper in helpers)
        {
            for (var j = 0; j < 4 && k < helped.Count; j++, k++)
            {
                var pair = await mediator.Send(
                    new PairHelperCommand(new PairHelperRequest(helper, helped[k], startedOn)),
                    cancellationToken
                );
                Counts.Pairs++;
                var stale = k % 4 == 3;
                var days = stale ? new[] { 210, 160, 120 } : new[] { 200, 140, 90, 45, 12 };
                foreach (var ago in days)
                {
                    pair = await mediator.Send(
                        new LogHelpCommand(
                            pair.Id,
                            pair.Version,
                            new LogHelpRequest(today.AddDays(-ago), seed.HelpLog[(k + ago) % seed.HelpLog.Count])
                        ),
                        cancellationToken
                    );
                    Counts.Logs++;
                }
            }
        }
    }

    /// <summary>Members in hardship today within the region who were paid visit money (so the aid adds no one
    /// to the people helped), in the register's order.</summary>
    private async Task<List<Guid>> RecipientsAsync(CancellationToken cancellationToken) =>
        (await hardships.OnDayAsync(today, scope, cancellationToken))
            .Select(h => h.MemberId)
            .Where(_paidPeople.Contains)
            .ToList();

    /// <summary>Aid amounts (yuan, the categories' bands and the street's limit both sides) adding up exactly.
    /// </summary>
    private static List<Money> AidAmounts(long aidFen)
    {
        long[] cycle = [2000, 3500, 1500, 3800, 2800, 1800, 3000, 1200];
        var amounts = new List<Money>();
        var left = aidFen / 100;
        for (var i = 0; left > 0; i++)
        {
            var amount = Math.Min(cycle[i % cycle.Length], left);
            if (left - amount is > 0 and < 100)
            {
                amount = left;
            }
            amounts.Add(Money.FromYuan(amount));
            left -= amount;
        }
        return amounts;
    }

    private AssistanceCategory CategoryOf(Money amount, int i) =>
        amount <= Money.FromYuan(_rules.HardshipMaxYuan.Value) ? AssistanceCategory.Hardship
        : i % 2 == 0 ? AssistanceCategory.Illness
        : AssistanceCategory.Disaster;

    private void Paid(Guid member, Money amount)
    {
        _paidPeople.Add(member);
        Counts.PaidFen += amount.Fen;
    }

    private void Act(Caller caller) => callers.ActAs(caller);

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;

    internal sealed record VisitRow
    {
        public Guid Id { get; init; }
        public Guid? MemberId { get; init; }
        public string? HardshipCategory { get; init; }
        public long Version { get; init; }
    }
}
