using Jiceng.Infrastructure.Primitives;
using Jiceng.Modules.Volunteering.AcceptDemand;
using Jiceng.Modules.Volunteering.CancelDemand;
using Jiceng.Modules.Volunteering.CancelMicroWish;
using Jiceng.Modules.Volunteering.ClaimDemand;
using Jiceng.Modules.Volunteering.ClaimMicroWish;
using Jiceng.Modules.Volunteering.CloseDemand;
using Jiceng.Modules.Volunteering.CompleteDemand;
using Jiceng.Modules.Volunteering.ConfirmMicroWishReceipt;
using Jiceng.Modules.Volunteering.DeliverMicroWish;
using Jiceng.Modules.Volunteering.DispatchDemand;
using Jiceng.Modules.Volunteering.Domain;
using Jiceng.Modules.Volunteering.FollowUpDemand;
using Jiceng.Modules.Volunteering.OpenDemandForClaims;
using Jiceng.Modules.Volunteering.PlaceDemand;
using Jiceng.Modules.Volunteering.PlaceMicroWish;
using Jiceng.Modules.Volunteering.RateDemand;
using Jiceng.Modules.Volunteering.RedispatchDemand;
using Jiceng.Modules.Volunteering.RejectDemand;
using Jiceng.Modules.Volunteering.ReopenDemand;
using Jiceng.Modules.Volunteering.StartDemandService;

namespace Jiceng.Modules.Volunteering;

/// <summary>Where a demo demand's story stops (the state it is left in, and how it got there).</summary>
internal enum DemoDemandPath
{
    Submitted,
    Rejected,
    Accepted,
    Cancelled,
    Open,
    Dispatched,
    Claimed,
    Redispatched,
    InService,
    Completed,
    Reopened,
    Rated,
    Closed,
    FollowedUp,
}

/// <summary>One demo demand: where it ends, placed how many days before the demo's day, wished done how many days
/// after it was placed, and whether it was claimed from the pool (接单) rather than dispatched (派单).</summary>
internal sealed record DemoDemandCase(DemoDemandPath Path, int PlacedDaysAgo, int? WishedAfterDays, bool Claim);

internal sealed partial class VolunteeringDemoRun
{
    private readonly Dictionary<Guid, List<string>> _categories = [];

    /// <summary>
    /// Every state of the loop, each in a community of every region, some on time and some overdue by the region's
    /// working-day deadlines (accept in 1, dispatch or claim in 3) or the wished-for date.
    /// </summary>
    private static readonly DemoDemandCase[] Showcase =
    [
        new(DemoDemandPath.Submitted, 0, 10, false),
        new(DemoDemandPath.Submitted, 6, 20, false), // overdue: not accepted within a working day
        new(DemoDemandPath.Rejected, 10, null, false),
        new(DemoDemandPath.Accepted, 1, 14, false),
        new(DemoDemandPath.Accepted, 12, 30, false), // overdue: neither dispatched nor opened in 3 working days
        new(DemoDemandPath.Cancelled, 9, null, false),
        new(DemoDemandPath.Open, 2, 14, true),
        new(DemoDemandPath.Open, 15, 30, true), // overdue: nobody claimed it in 3 working days
        new(DemoDemandPath.Dispatched, 1, 14, false),
        new(DemoDemandPath.Claimed, 20, 10, true), // overdue: the wished-for date has passed
        new(DemoDemandPath.Redispatched, 5, 20, false),
        new(DemoDemandPath.InService, 25, 15, false), // overdue: the wished-for date has passed
        new(DemoDemandPath.InService, 3, 20, true),
        new(DemoDemandPath.Completed, 8, 10, false),
        new(DemoDemandPath.Reopened, 18, 10, true),
        new(DemoDemandPath.Rated, 14, 10, true),
        new(DemoDemandPath.Closed, 21, 10, false),
        new(DemoDemandPath.FollowedUp, 30, 10, true),
    ];

    private static readonly string[] Comments =
    [
        "志愿者来得及时，服务很周到，谢谢党组织。",
        "问题解决了，态度热情，非常满意。",
        "办得又快又好，给社区党员点赞。",
        "服务细致耐心，老人很满意。",
    ];

    private async Task ShowcaseDemandsAsync(DemoRegionRun run, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Showcase.Length; i++)
        {
            var community = run.Communities[i % Math.Min(run.Communities.Count, 3)];
            await DemandAsync(run, community, Showcase[i], null, i, cancellationToken);
        }
    }

    /// <summary>
    /// The figures of the source article: the rest of the demands claimed from the pool and of the things done for
    /// members in hardship (困难党员), spread over the last half year. Those claimed are done for a member in hardship
    /// too; the others were dispatched. The recent ones wait for a rating, some are rated, the rest closed.
    /// </summary>
    private async Task BulkDemandsAsync(DemoRegionRun run, CancellationToken cancellationToken)
    {
        var claimed = Math.Max(0, run.Region.DemandsClaimed - run.Claimed);
        var total = Math.Max(claimed, run.Region.DoneForMembersInHardship - run.DoneForMembersInHardship);
        if (total == 0)
        {
            return;
        }
        const int Days = 170;
        var first = today.AddDays(-Days);
        var inHardship = (await hardships.OnDayAsync(first, run.Scope, cancellationToken))
            .Where(h => h.Until is null || h.Until >= today)
            .ToList();
        if (inHardship.Count == 0)
        {
            logger.LogWarning("Demo volunteering: no member in hardship in {Root}", run.Region.Root);
            return;
        }
        for (var i = 0; i < total; i++)
        {
            // Oldest first, evenly over the half year, ending a week ago so each has had time to be done.
            var placedDaysAgo = 7 + (Days - 7) * (total - 1 - i) / Math.Max(1, total - 1);
            var path =
                placedDaysAgo < 12 ? DemoDemandPath.Completed
                : i % 7 == 0 ? DemoDemandPath.Rated
                : DemoDemandPath.Closed;
            var member = inHardship[i % inHardship.Count];
            await DemandAsync(
                run,
                new(member.OrganizationId, "", 0, "", ""),
                new DemoDemandCase(path, placedDaysAgo, 5 + i % 10, i < claimed),
                member,
                i + 100,
                cancellationToken
            );
        }
    }

    private async Task DemandAsync(
        DemoRegionRun run,
        Organizations.Contracts.OrganizationReference community,
        DemoDemandCase demo,
        Members.Contracts.MemberInHardship? beneficiary,
        int n,
        CancellationToken cancellationToken
    )
    {
        if (!_categories.TryGetValue(community.Id, out var categories))
        {
            _categories[community.Id] = categories = [
                .. (await rules.ForAsync(community.Id, cancellationToken)).DemandCategories.Items.Where(
                    seed.Demands.ContainsKey
                ),
            ];
        }
        var category = categories[Pick(n, 11, categories.Count)];
        var texts = seed.Demands[category];
        var placedOn = today.AddDays(-demo.PlacedDaysAgo);
        var day = placedOn;
        At(day, 8 + n % 3, n % 60);
        var demand = await Send(
            new PlaceDemandCommand(
                new PlaceDemandRequest(
                    community.Id,
                    category,
                    texts[Pick(n, 12, texts.Count)],
                    beneficiary?.Name ?? Name(run.Region, again: true),
                    Phone(n + 1000),
                    beneficiary?.MemberId,
                    n % 5 == 0 ? DemandUrgency.Urgent : DemandUrgency.Normal,
                    demo.WishedAfterDays is { } after ? placedOn.AddDays(after) : null
                )
            ),
            cancellationToken
        );
        Counts.Add("demands");
        var path = demo.Path;
        if (path != DemoDemandPath.Submitted)
        {
            At(day, 11);
            demand =
                path == DemoDemandPath.Rejected
                    ? await Send(
                        new RejectDemandCommand(
                            demand.Id,
                            demand.Version,
                            new RejectDemandRequest("该事项属于物业合同约定的维修范围，已告知居民联系物业公司办理。")
                        ),
                        cancellationToken
                    )
                    : await Send(
                        new AcceptDemandCommand(demand.Id, demand.Version, new AcceptDemandRequest(null)),
                        cancellationToken
                    );
        }
        if (path is DemoDemandPath.Submitted or DemoDemandPath.Rejected or DemoDemandPath.Accepted)
        {
            Tally(run, demand, demo, beneficiary);
            return;
        }
        day = day.AddDays(1);
        if (path == DemoDemandPath.Cancelled)
        {
            At(day, 10);
            await Send(
                new CancelDemandCommand(
                    demand.Id,
                    demand.Version,
                    new CancelDemandRequest("居民家属已自行解决，申请撤回。")
                ),
                cancellationToken
            );
            Counts.Add("demands cancelled");
            return;
        }
        var team = run.Teams[Pick(n, 13, run.Teams.Count)];
        if (demo.Claim)
        {
            At(day, 10);
            demand = await Send(
                new OpenDemandForClaimsCommand(demand.Id, demand.Version, new OpenDemandForClaimsRequest(null)),
                cancellationToken
            );
            if (path == DemoDemandPath.Open)
            {
                Tally(run, demand, demo, beneficiary);
                return;
            }
            At(day, 15);
            demand = await Send(
                new ClaimDemandCommand(
                    demand.Id,
                    demand.Version,
                    new ClaimDemandRequest(
                        new DemandClaimantRequest(ClaimantKind.Team, team.Id),
                        "我们队这周可以安排。"
                    )
                ),
                cancellationToken
            );
        }
        else
        {
            At(day, 10);
            var unit = n % 3 == 0;
            demand = await Send(
                new DispatchDemandCommand(
                    demand.Id,
                    demand.Version,
                    new DispatchDemandRequest(
                        new DemandClaimantRequest(
                            unit ? ClaimantKind.Organization : ClaimantKind.Team,
                            unit ? community.Id : team.Id
                        ),
                        null
                    )
                ),
                cancellationToken
            );
        }
        if (path is DemoDemandPath.Dispatched or DemoDemandPath.Claimed)
        {
            Tally(run, demand, demo, beneficiary);
            return;
        }
        day = day.AddDays(1);
        if (path == DemoDemandPath.Redispatched)
        {
            At(day, 9);
            // To the community's own organization if a team had it, else to the team.
            var toUnit = demand.Claimant?.Kind == ClaimantKind.Team;
            demand = await Send(
                new RedispatchDemandCommand(
                    demand.Id,
                    demand.Version,
                    new RedispatchDemandRequest(
                        new DemandClaimantRequest(
                            toUnit ? ClaimantKind.Organization : ClaimantKind.Team,
                            toUnit ? community.Id : team.Id
                        ),
                        "原承接队伍人员外出培训，改派邻近队伍。"
                    )
                ),
                cancellationToken
            );
            Tally(run, demand, demo, beneficiary);
            return;
        }
        At(day, 9);
        demand = await Send(
            new StartDemandServiceCommand(demand.Id, demand.Version, new StartDemandServiceRequest(null)),
            cancellationToken
        );
        if (path == DemoDemandPath.InService)
        {
            Tally(run, demand, demo, beneficiary);
            return;
        }
        day = day.AddDays(1);
        At(day, 16);
        demand = await Send(
            new CompleteDemandCommand(
                demand.Id,
                demand.Version,
                new CompleteDemandRequest(
                    seed.WorkDone.GetValueOrDefault(category, "志愿者上门完成服务"),
                    [
                        new CompleteDemandHelper(null, Name(run.Region, again: true), 1 + n % 3),
                        new CompleteDemandHelper(null, Name(run.Region, again: true), 1.5m),
                    ],
                    n % 4 == 0 ? Money.FromFen(5_000 + n % 20 * 1_000) : null,
                    null
                )
            ),
            cancellationToken
        );
        day = day.AddDays(1);
        if (path == DemoDemandPath.Reopened)
        {
            At(day, 10);
            demand = await Send(
                new ReopenDemandCommand(
                    demand.Id,
                    demand.Version,
                    new ReopenDemandRequest("居民反映水管接口仍有渗水，需求未完全满足。")
                ),
                cancellationToken
            );
        }
        if (path is DemoDemandPath.Completed or DemoDemandPath.Reopened)
        {
            Tally(run, demand, demo, beneficiary);
            return;
        }
        At(day, 10);
        demand = await Send(
            new RateDemandCommand(
                demand.Id,
                demand.Version,
                new RateDemandRequest(n % 9 == 0 ? 4 : 5, Comments[n % Comments.Length])
            ),
            cancellationToken
        );
        if (path != DemoDemandPath.Rated)
        {
            At(day, 11);
            demand = await Send(
                new CloseDemandCommand(demand.Id, demand.Version, new CloseDemandRequest(null)),
                cancellationToken
            );
        }
        if (path == DemoDemandPath.FollowedUp)
        {
            At(day.AddDays(2), 10);
            demand = await Send(
                new FollowUpDemandCommand(
                    demand.Id,
                    demand.Version,
                    new FollowUpDemandRequest("电话回访：居民表示满意，问题没有再出现。")
                ),
                cancellationToken
            );
        }
        Tally(run, demand, demo, beneficiary);
    }

    /// <summary>Counts a demand where the source article's figures count it, and for the log.</summary>
    private void Tally(
        DemoRegionRun run,
        DemandResponse demand,
        DemoDemandCase demo,
        Members.Contracts.MemberInHardship? beneficiary
    )
    {
        if (demo.Claim && demo.Path != DemoDemandPath.Open)
        {
            run.Claimed++;
            Counts.Add("claimed");
        }
        if (beneficiary is not null && demand.State is DemandState.Completed or DemandState.Rated or DemandState.Closed)
        {
            run.DoneForMembersInHardship++;
        }
        if (
            demand.DueOn is { } due
            && due < realToday
            && demand.State is not (DemandState.Closed or DemandState.Rejected)
        )
        {
            Counts.Add("overdue");
        }
    }

    /// <summary>
    /// Micro-wishes: in every region one open for a while, one just placed, one claimed, one delivered and waiting
    /// for the resident's confirmation, one cancelled; then the region's done wishes (the article's figure, less the
    /// delivered one) over the last year, each claimed the next day, delivered within the week and confirmed.
    /// </summary>
    private async Task WishesAsync(DemoRegionRun run, CancellationToken cancellationToken)
    {
        var cap = (await rules.ForAsync(run.Communities[0].Id, cancellationToken)).WishPriceCapFen.Value;
        await WishAsync(run, 40, WishState.Open, 0, cap, cancellationToken);
        await WishAsync(run, 1, WishState.Open, 1, cap, cancellationToken);
        await WishAsync(run, 12, WishState.Claimed, 2, cap, cancellationToken);
        await WishAsync(run, 9, WishState.Delivered, 3, cap, cancellationToken);
        await WishAsync(run, 20, WishState.Cancelled, 4, cap, cancellationToken);
        var done = Math.Max(0, run.Region.WishesDone - run.WishesDone);
        const int Days = 360;
        for (var i = 0; i < done; i++)
        {
            var placedDaysAgo = 10 + (Days - 10) * (done - 1 - i) / Math.Max(1, done - 1);
            await WishAsync(run, placedDaysAgo, WishState.Received, i + 10, cap, cancellationToken);
        }
    }

    private async Task WishAsync(
        DemoRegionRun run,
        int placedDaysAgo,
        WishState until,
        int n,
        int capFen,
        CancellationToken cancellationToken
    )
    {
        var community = run.Communities[n % run.Communities.Count];
        var kind = (WishKind)(n % 4);
        var texts = seed.Wishes[kind.ToString()];
        var placedOn = today.AddDays(-placedDaysAgo);
        At(placedOn, 9, n % 60);
        var wish = await Send(
            new PlaceMicroWishCommand(
                new PlaceMicroWishRequest(
                    community.Id,
                    kind,
                    "想要" + texts[Pick(n, 21, texts.Count)],
                    Money.FromFen(Math.Min(capFen, 3_000 + Pick(n, 22, 18) * 1_000)),
                    Name(run.Region, again: true),
                    Phone(n + 5000),
                    null,
                    placedOn
                )
            ),
            cancellationToken
        );
        Counts.Add("wishes");
        if (until == WishState.Open)
        {
            return;
        }
        if (until == WishState.Cancelled)
        {
            At(placedOn.AddDays(3), 10);
            await Send(
                new CancelMicroWishCommand(
                    wish.Id,
                    wish.Version,
                    new CancelMicroWishRequest("家人已经买好，不再需要。")
                ),
                cancellationToken
            );
            return;
        }
        var team = run.Teams.Count > 0 ? run.Teams[Pick(n, 23, run.Teams.Count)].Id : (Guid?)null;
        var claimant =
            team is { } teamId && n % 3 != 0
                ? new MicroWishClaimant(WishClaimantKind.Team, teamId)
                : new MicroWishClaimant(WishClaimantKind.Organization, community.Id);
        var claimedOn = placedOn.AddDays(1);
        At(claimedOn, 10);
        wish = await Send(
            new ClaimMicroWishCommand(wish.Id, wish.Version, new ClaimMicroWishRequest(claimant, claimedOn)),
            cancellationToken
        );
        if (until == WishState.Claimed)
        {
            return;
        }
        var deliveredOn = placedOn.AddDays(3 + n % 4);
        At(deliveredOn, 15);
        wish = await Send(
            new DeliverMicroWishCommand(
                wish.Id,
                wish.Version,
                new DeliverMicroWishRequest(deliveredOn, "党员志愿者上门送达")
            ),
            cancellationToken
        );
        run.WishesDone++;
        Counts.Add("wishes done");
        if (until == WishState.Delivered)
        {
            return;
        }
        At(deliveredOn.AddDays(1), 10);
        await Send(
            new ConfirmMicroWishReceiptCommand(
                wish.Id,
                wish.Version,
                new ConfirmMicroWishReceiptRequest(deliveredOn.AddDays(1), "收到了，谢谢党员同志。")
            ),
            cancellationToken
        );
    }
}
