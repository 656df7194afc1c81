namespace Jiceng.Infrastructure.Database;

/// <summary>
/// The tables the cross-cutting services own. Modules may read them (the audit trail is everyone's record) but
/// only Infrastructure writes them; an architecture test checks every constant statement.
/// </summary>
public static class InfrastructureTables
{
    public static readonly IReadOnlyList<string> Names = ["audit_log", "idempotency_keys", "data_protection_keys"];
}
