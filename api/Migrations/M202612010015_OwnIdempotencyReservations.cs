using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// Who holds an Idempotency-Key reservation (host, process, its start, and a per-request id): a reservation
/// whose process is gone, or which is older than a request may run, is taken over by the retry; and only the
/// holder may complete or release it, so a request that was overtaken cannot overwrite its successor's answer.
/// </summary>
[Migration(202612010015, "Idempotency reservations have an owner")]
public sealed class M202612010015_OwnIdempotencyReservations : Migration
{
    public override void Up() => Alter.Table("idempotency_keys").AddColumn("reserved_by").AsAnsiString(200).Nullable();

    public override void Down() => Delete.Column("reserved_by").FromTable("idempotency_keys");
}
