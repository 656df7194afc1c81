namespace Jiceng.Modules.Assistance.Domain;

/// <summary>
/// How payees appear outside the fund's own screens (the yearly statement published to members, exported files):
/// the name masked, never an ID number or a phone. The name comes from what the payment was for (the application,
/// the visit, the condolence), all tables of this module.
/// </summary>
internal static class Publication
{
    /// <summary>The LEFT JOINs that give a ledger entry <c>e</c> its payee's name (<see cref="PayeeName"/>).</summary>
    public const string PayeeJoins = """
        LEFT JOIN assistance_applications pa ON pa.id = e.subject_id
        LEFT JOIN assistance_visits pv ON pv.id = e.subject_id
        LEFT JOIN assistance_condolences pc ON pc.id = e.subject_id
        """;

    public const string PayeeName = "COALESCE(pa.member_name, pv.name, pc.name)";

    /// <summary>The payee's name of a ledger entry of <c>assistance_ledger_entries</c> (unaliased), as a column: from
    /// subqueries rather than joins, so the list's own WHERE and ORDER BY stay unambiguous.</summary>
    public const string PayeeNameColumn = """
        COALESCE(
            (SELECT pa.member_name FROM assistance_applications pa WHERE pa.id = assistance_ledger_entries.subject_id),
            (SELECT pv.name FROM assistance_visits pv WHERE pv.id = assistance_ledger_entries.subject_id),
            (SELECT pc.name FROM assistance_condolences pc WHERE pc.id = assistance_ledger_entries.subject_id))
        """;
}
