using Jiceng.Infrastructure.Database;
using Jiceng.Infrastructure.Http;
using Jiceng.Infrastructure.Primitives;
using Jiceng.Infrastructure.Security;
using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>
/// A micro-wish as staff see it: the resident's name and phone masked (revealed only through the reveal route with a
/// reason), the claimant, the delivery and the receipt.
/// </summary>
internal sealed record MicroWishResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    WishKind Kind,
    string Description,
    Money EstimatedValue,
    string PersonName,
    string? PersonPhone,
    Guid? BeneficiaryMemberId,
    WishState State,
    IReadOnlyList<WishStep> AllowedSteps,
    DateOnly PlacedOn,
    WishClaimantKind? ClaimantKind,
    Guid? ClaimantId,
    string? ClaimantName,
    DateOnly? ClaimedOn,
    DateOnly? DeliveredOn,
    string? DeliveryNote,
    DateOnly? ReceivedOn,
    string? ReceiptNote,
    DateOnly? CancelledOn,
    string? CancelReason,
    long Version
);

/// <summary>A wish as the public wall shows it: no name, no phone, no claimant, no value; what and where and how far.
/// </summary>
internal sealed record PublicWishResponse(
    Guid Id,
    string CommunityName,
    WishKind Kind,
    string Description,
    WishState State,
    DateOnly PlacedOn,
    DateOnly? DeliveredOn
);

internal sealed record MicroWishRow
{
    public Guid Id { get; init; }
    public Guid OrgId { get; init; }
    public string OrgPath { get; init; } = "";
    public WishKind Kind { get; init; }
    public string Description { get; init; } = "";
    public long EstimatedValueFen { get; init; }
    public string PersonNameCipher { get; init; } = "";
    public string PersonNameMask { get; init; } = "";
    public string? PersonPhoneCipher { get; init; }
    public string? PersonPhoneMask { get; init; }
    public Guid? BeneficiaryMemberId { get; init; }
    public WishState State { get; init; }
    public DateOnly PlacedOn { get; init; }
    public WishClaimantKind? ClaimantKind { get; init; }
    public Guid? ClaimantId { get; init; }
    public string? ClaimantName { get; init; }
    public DateOnly? ClaimedOn { get; init; }
    public DateOnly? DeliveredOn { get; init; }
    public string? DeliveryNote { get; init; }
    public DateOnly? ReceivedOn { get; init; }
    public string? ReceiptNote { get; init; }
    public DateOnly? CancelledOn { get; init; }
    public string? CancelReason { get; init; }
    public long Version { get; init; }
}

/// <summary>The wish table's shared reads and the answers built from its rows.</summary>
internal static class MicroWishes
{
    /// <summary>Who may see a resident's name and phone whole: the holders of the personal-data reveal permission.
    /// </summary>
    public const string RevealPermission = Permissions.VolunteeringRevealPii;

    public const string Columns = """
        id, org_id, org_path, kind, description, estimated_value_fen, person_name_cipher, person_name_mask,
            person_phone_cipher, person_phone_mask, beneficiary_member_id, state, placed_on, claimant_kind, claimant_id,
            claimant_name, claimed_on, delivered_on, delivery_note, received_on, receipt_note, cancelled_on,
            cancel_reason, version
        """;

    private const string FindSql =
        "SELECT " + Columns + " FROM micro_wishes WHERE id = @id AND org_path >= @from AND org_path < @to";

    /// <summary>The wish inside the scope, or 404 (also for another region's wish).</summary>
    public static async Task<MicroWishRow> FindAsync(
        DbSession db,
        DataScope scope,
        Guid id,
        CancellationToken cancellationToken
    ) =>
        await db.QuerySingleOrDefaultAsync<MicroWishRow>(
            FindSql,
            new
            {
                id,
                from = scope.From,
                to = scope.To,
            },
            cancellationToken
        ) ?? throw new NotFoundException("MicroWish");

    public static async Task<IReadOnlyList<MicroWishResponse>> RespondAsync(
        IReadOnlyList<MicroWishRow> rows,
        IOrganizationDirectory organizations,
        CancellationToken cancellationToken
    )
    {
        var names = await organizations.NamesAsync(rows.Select(r => r.OrgId).Distinct().ToList(), cancellationToken);
        return rows.Select(r => Respond(r, names.GetValueOrDefault(r.OrgId, ""))).ToList();
    }

    public static async Task<MicroWishResponse> RespondAsync(
        MicroWishRow row,
        IOrganizationDirectory organizations,
        CancellationToken cancellationToken
    ) => (await RespondAsync([row], organizations, cancellationToken))[0];

    /// <summary>Staff's view: only masks of the personal data ever leave the table.</summary>
    public static MicroWishResponse Respond(MicroWishRow r, string organizationName) =>
        new(
            r.Id,
            r.OrgId,
            organizationName,
            r.Kind,
            r.Description,
            Money.FromFen(r.EstimatedValueFen),
            r.PersonNameMask,
            r.PersonPhoneMask,
            r.BeneficiaryMemberId,
            r.State,
            MicroWishRules.AllowedSteps(r.State),
            r.PlacedOn,
            r.ClaimantKind,
            r.ClaimantId,
            r.ClaimantName,
            r.ClaimedOn,
            r.DeliveredOn,
            r.DeliveryNote,
            r.ReceivedOn,
            r.ReceiptNote,
            r.CancelledOn,
            r.CancelReason,
            r.Version
        );

    /// <summary>The wall's view of a row: built from the fields it may show, never from the staff view.</summary>
    public static PublicWishResponse ForWall(MicroWishRow r, string communityName) =>
        new(r.Id, communityName, r.Kind, r.Description, r.State, r.PlacedOn, r.DeliveredOn);
}
