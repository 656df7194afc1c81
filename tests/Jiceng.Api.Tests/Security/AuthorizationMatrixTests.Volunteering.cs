using System.Collections.Concurrent;
using System.Net;
using Jiceng.Tests.Support;

namespace Jiceng.Tests.Security;

/// <summary>The matrix's samples for Volunteering's demands: a demand per side in the state each step needs.</summary>
public sealed partial class AuthorizationMatrixTests
{
    private sealed record DemandSide(IReadOnlyDictionary<string, Guid> ForStep, Guid Member, Guid OtherMember);

    private static readonly ConcurrentDictionary<Guid, DemandSide> DemandSides = new();

    private const string DemandsUrl = "/api/v1/volunteering/demands";

    private static readonly string[] DemandSteps =
    [
        "accept",
        "reject",
        "cancel",
        "dispatch",
        "open",
        "claim",
        "start",
        "complete",
        "redispatch",
        "rate",
        "reopen",
        "close",
        "follow-up",
    ];

    private static bool IsDemandStep(string url) =>
        url.StartsWith(DemandsUrl + "/", StringComparison.Ordinal)
        && DemandSteps.Any(step => url.EndsWith("/" + step, StringComparison.Ordinal));

    // Runs after the static field initializers of every part, so the main part's Samples exist.
    static AuthorizationMatrixTests()
    {
        string Step(Side s, string step) => $"{DemandsUrl}/{DemandSides[s.Root].ForStep[step]}/{step}";
        object To(Guid member) => new { claimant = new { kind = "Member", id = member } };
        Samples["PlaceDemand"] = s =>
            (
                DemandsUrl,
                new
                {
                    organizationId = s.Branch,
                    category = "邻里互助",
                    description = "矩阵点单",
                    requesterName = "矩阵",
                    requesterPhone = "13800000000",
                }
            );
        Samples["ListDemands"] = s => ($"{DemandsUrl}?organizationId={s.Root}", null);
        Samples["ExportDemands"] = s => ($"{DemandsUrl}/export?organizationId={s.Root}", null);
        Samples["GetDemandBoard"] = s => ($"{DemandsUrl}/board?organizationId={s.Root}", null);
        Samples["GetVolunteeringStatistics"] = s => ($"/api/v1/volunteering/statistics?organizationId={s.Root}", null);
        Samples["ReleaseStaleClaims"] = _ => ($"{DemandsUrl}/release-stale-claims", null);
        Samples["GetDemand"] = s => ($"{DemandsUrl}/{DemandSides[s.Root].ForStep["accept"]}", null);
        Samples["RevealDemandRequester"] = s =>
            (
                $"{DemandsUrl}/{DemandSides[s.Root].ForStep["accept"]}/reveal",
                new { field = "RequesterPhone", reason = "矩阵回访核实" }
            );
        Samples["AcceptDemand"] = s => (Step(s, "accept"), new { });
        Samples["RejectDemand"] = s => (Step(s, "reject"), new { reason = "不属于服务范围" });
        Samples["CancelDemand"] = s => (Step(s, "cancel"), new { reason = "群众撤回" });
        Samples["DispatchDemand"] = s => (Step(s, "dispatch"), To(DemandSides[s.Root].Member));
        Samples["OpenDemandForClaims"] = s => (Step(s, "open"), new { });
        Samples["ClaimDemand"] = s => (Step(s, "claim"), To(DemandSides[s.Root].Member));
        Samples["StartDemandService"] = s => (Step(s, "start"), new { });
        Samples["CompleteDemand"] = s =>
            (Step(s, "complete"), new { workDone = "已办", helpers = new[] { new { name = "张", hours = 1 } } });
        Samples["RedispatchDemand"] = s => (Step(s, "redispatch"), To(DemandSides[s.Root].OtherMember));
        Samples["RateDemand"] = s => (Step(s, "rate"), new { stars = 5 });
        Samples["ReopenDemand"] = s => (Step(s, "reopen"), new { reason = "需求未满足" });
        Samples["CloseDemand"] = s => (Step(s, "close"), new { });
        Samples["FollowUpDemand"] = s => (Step(s, "follow-up"), new { outcome = "满意" });
    }

    /// <summary>Each side's demands, each taken (as the administrator) to the state its step starts from.</summary>
    private async Task BuildDemandSides()
    {
        foreach (var side in new[] { _a, _b })
        {
            // The side's member (MemberManager's fixture) serves; a second one takes a re-dispatch.
            var ready = new Dictionary<string, string[]>
            {
                ["accept"] = [],
                ["reject"] = [],
                ["cancel"] = [],
                ["dispatch"] = ["accept"],
                ["open"] = ["accept"],
                ["claim"] = ["accept", "open"],
                ["start"] = ["accept", "dispatch"],
                ["complete"] = ["accept", "dispatch", "start"],
                ["redispatch"] = ["accept", "dispatch"],
                ["rate"] = ["accept", "dispatch", "start", "complete"],
                ["reopen"] = ["accept", "dispatch", "start", "complete"],
                ["close"] = ["accept", "dispatch", "start", "complete", "rate"],
                ["follow-up"] = ["accept", "dispatch", "start", "complete", "rate", "close"],
            };
            var forStep = new Dictionary<string, Guid>();
            foreach (var (step, before) in ready)
            {
                var demand = await Json.Read(
                    await Post(
                        DemandsUrl,
                        new
                        {
                            organizationId = side.Branch,
                            category = "助老助残",
                            description = "矩阵需求 " + step,
                            requesterName = "矩阵群众",
                            requesterPhone = "13800001111",
                        }
                    ),
                    HttpStatusCode.Created
                );
                foreach (var earlier in before)
                {
                    object body = earlier switch
                    {
                        "dispatch" => new { claimant = new { kind = "Member", id = side.Member } },
                        "complete" => new { workDone = "已办", helpers = new[] { new { name = "张", hours = 1 } } },
                        "rate" => new { stars = 4 },
                        _ => new { },
                    };
                    demand = await Json.Read(
                        await Post(
                            $"{DemandsUrl}/{demand.Id()}/{earlier}",
                            body,
                            $"\"{demand.GetProperty("version").GetInt64()}\""
                        ),
                        HttpStatusCode.OK
                    );
                }
                forStep[step] = demand.Id();
            }
            DemandSides[side.Root] = new DemandSide(forStep, side.Member, side.SecondFull);
        }
    }
}
