using FluentMigrator;
using Jiceng.Infrastructure.Database;

namespace Jiceng.Migrations;

/// <summary>
/// Dividends' register: collective economic organizations and branch-led cooperatives, their members by household
/// with protected personal data, membership confirmations (公示 and the assembly's vote), share types with weights,
/// current holdings, dated share changes (append-only), and yearly income statements. Every row keeps the owning
/// organization's path and region root, as Members does, so subtree scopes are one range scan.
/// </summary>
[Migration(202612010200, "Dividends: collectives, households, members, shares, income")]
public sealed class M202612010200_CreateCollectiveRegister : Migration
{
    private static readonly string[] PathTables =
    [
        "collectives",
        "collective_households",
        "collective_members",
        "collective_share_changes",
        "collective_incomes",
    ];

    public override void Up()
    {
        Create
            .Table("collectives")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collectives_org", "organizations", "id")
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("region_root_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("name")
            .AsString(100)
            .NotNullable()
            // StockCooperative (村/社区股份经济合作社) or BranchLedCooperative (党支部领办合作社).
            .WithColumn("kind")
            .AsAnsiString(30)
            .NotNullable()
            .WithColumn("credit_code")
            .AsAnsiString(18)
            .NotNullable()
            // Hundredths of a mu: land is measured to 0.01 mu, and SQLite would turn DECIMAL into floating point.
            .WithColumn("land_transferred_centimu")
            .AsInt64()
            .NotNullable()
            // Static ("生不增、死不减") or Dynamic.
            .WithColumn("share_management")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("established_on")
            .AsDate()
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();

        Create
            .Table("collective_membership_confirmations")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("collective_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_confirmations_collective", "collectives", "id")
            .WithColumn("notice_from")
            .AsDate()
            .NotNullable()
            .WithColumn("notice_to")
            .AsDate()
            .NotNullable()
            .WithColumn("assembly_on")
            .AsDate()
            .NotNullable()
            // Members' assembly or representatives' assembly (成员大会 / 成员代表大会).
            .WithColumn("assembly_kind")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("entitled")
            .AsInt32()
            .NotNullable()
            .WithColumn("present")
            .AsInt32()
            .NotNullable()
            .WithColumn("votes_for")
            .AsInt32()
            .NotNullable()
            .WithColumn("votes_against")
            .AsInt32()
            .NotNullable()
            .WithColumn("document_ref")
            .AsString(100)
            .Nullable()
            .WithColumn("recorded_by")
            .AsString(100)
            .NotNullable()
            .WithColumn("recorded_at")
            .AsDateTime2()
            .NotNullable();

        Create
            .Table("collective_households")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("collective_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_households_collective", "collectives", "id")
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("region_root_id")
            .AsGuid()
            .NotNullable()
            // 户号 within the collective (printed on the 股权证).
            .WithColumn("number")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("address")
            .AsString(200)
            .Nullable()
            // 户主: one of the household's members; no foreign key, as the head is inserted after the household.
            .WithColumn("head_member_id")
            .AsGuid()
            .Nullable()
            // A household made by splitting another keeps where it came from.
            .WithColumn("split_from_id")
            .AsGuid()
            .Nullable()
            .WithColumn("created_on")
            .AsDate()
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();

        Create
            .Table("collective_members")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("collective_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_members_collective", "collectives", "id")
            .WithColumn("household_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_members_household", "collective_households", "id")
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("region_root_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("name")
            .AsString(50)
            .NotNullable()
            .WithColumn("gender")
            .AsAnsiString(10)
            .NotNullable()
            .WithColumn("birth_date")
            .AsDate()
            .NotNullable()
            // 与户主关系: Head, Spouse, Child, Parent, Grandchild, Other.
            .WithColumn("relation")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("id_number_cipher")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("id_number_index")
            .AsAnsiString(64)
            .NotNullable()
            .WithColumn("id_number_masked")
            .AsAnsiString(18)
            .NotNullable()
            .WithColumn("bank_account_cipher")
            .AsAnsiString(200)
            .Nullable()
            .WithColumn("bank_account_masked")
            .AsAnsiString(40)
            .Nullable()
            .WithColumn("bank_name")
            .AsString(100)
            .Nullable()
            // Active, Deceased or Left (moved away, gave up membership); never deleted: payouts and shares refer to
            // the person.
            .WithColumn("status")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("status_on")
            .AsDate()
            .Nullable()
            .WithColumn("confirmation_id")
            .AsGuid()
            .Nullable()
            .ForeignKey("fk_collective_members_confirmation", "collective_membership_confirmations", "id")
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();

        Create
            .Table("collective_share_types")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("collective_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_share_types_collective", "collectives", "id")
            .WithColumn("name")
            .AsString(50)
            .NotNullable()
            // Population (人口股), LabourAge (劳龄股/农龄股), Capital (资金股), Other.
            .WithColumn("kind")
            .AsAnsiString(20)
            .NotNullable()
            // Ten-thousandths: a share of weight 1 is 10000 (weights such as 0.5 or 1.25 stay exact integers).
            .WithColumn("weight_ten_thousandths")
            .AsInt64()
            .NotNullable()
            .WithColumn("sort_order")
            .AsInt32()
            .NotNullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();

        // The current holding per member and type: the sum of every change line so far, kept by the same conditional
        // statements that record the change (a transfer cannot take more than is held).
        Create
            .Table("collective_share_holdings")
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .PrimaryKey("pk_collective_share_holdings")
            .ForeignKey("fk_collective_share_holdings_member", "collective_members", "id")
            .WithColumn("share_type_id")
            .AsGuid()
            .NotNullable()
            .PrimaryKey("pk_collective_share_holdings")
            .ForeignKey("fk_collective_share_holdings_type", "collective_share_types", "id")
            .WithColumn("collective_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("quantity")
            .AsInt64()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();

        // A dated share event (initial allotment, inheritance, household split, transfer inside the collective,
        // dynamic adjustment): never updated or deleted; the register as of a date sums the lines up to it.
        Create
            .Table("collective_share_changes")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("collective_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_share_changes_collective", "collectives", "id")
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("region_root_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("kind")
            .AsAnsiString(30)
            .NotNullable()
            .WithColumn("effective_on")
            .AsDate()
            .NotNullable()
            .WithColumn("reason")
            .AsString(500)
            .Nullable()
            .WithColumn("document_ref")
            .AsString(100)
            .Nullable()
            .WithColumn("recorded_by")
            .AsString(100)
            .NotNullable()
            .WithColumn("recorded_at")
            .AsDateTime2()
            .NotNullable();

        Create
            .Table("collective_share_change_lines")
            .WithColumn("change_id")
            .AsGuid()
            .NotNullable()
            .PrimaryKey("pk_collective_share_change_lines")
            .ForeignKey("fk_collective_share_change_lines_change", "collective_share_changes", "id")
            .WithColumn("line_no")
            .AsInt32()
            .NotNullable()
            .PrimaryKey("pk_collective_share_change_lines")
            .WithColumn("collective_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("member_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_share_change_lines_member", "collective_members", "id")
            .WithColumn("share_type_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_share_change_lines_type", "collective_share_types", "id")
            .WithColumn("effective_on")
            .AsDate()
            .NotNullable()
            // Positive to receive, negative to give up (a transfer is one line each way).
            .WithColumn("delta")
            .AsInt64()
            .NotNullable();

        // One statement per collective and year; amounts in 分.
        Create
            .Table("collective_incomes")
            .WithColumn("id")
            .AsGuid()
            .PrimaryKey()
            .WithColumn("collective_id")
            .AsGuid()
            .NotNullable()
            .ForeignKey("fk_collective_incomes_collective", "collectives", "id")
            .WithColumn("org_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("org_path")
            .AsAnsiString(200)
            .NotNullable()
            .WithColumn("region_root_id")
            .AsGuid()
            .NotNullable()
            .WithColumn("year")
            .AsInt32()
            .NotNullable()
            .WithColumn("operating_income")
            .AsInt64()
            .NotNullable()
            .WithColumn("investment_income")
            .AsInt64()
            .NotNullable()
            .WithColumn("other_income")
            .AsInt64()
            .NotNullable()
            // Grants (奖补) are kept apart; land compensation is excluded from distribution.
            .WithColumn("grant_income")
            .AsInt64()
            .NotNullable()
            .WithColumn("land_compensation")
            .AsInt64()
            .NotNullable()
            .WithColumn("costs")
            .AsInt64()
            .NotNullable()
            .WithColumn("losses_carried")
            .AsInt64()
            .NotNullable()
            .WithColumn("reserve")
            .AsInt64()
            .NotNullable()
            .WithColumn("member_dividends")
            .AsInt64()
            .NotNullable()
            .WithColumn("by_volume_return")
            .AsInt64()
            .NotNullable()
            .WithColumn("notes")
            .AsString(500)
            .Nullable()
            .WithColumn("created_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("updated_at")
            .AsDateTime2()
            .NotNullable()
            .WithColumn("version")
            .AsInt64()
            .NotNullable();

        foreach (var table in PathTables)
        {
            // Paths compare byte-wise on every provider (before the index on them exists).
            IfDatabase(Migrator.ProcessorIds.AnyPostgres)
                .Execute.Sql($"ALTER TABLE {table} ALTER COLUMN org_path TYPE varchar(200) COLLATE \"C\"");
            IfDatabase(Migrator.ProcessorIds.AnySqlServer)
                .Execute.Sql(
                    $"ALTER TABLE {table} ALTER COLUMN org_path varchar(200) COLLATE Latin1_General_BIN2 NOT NULL"
                );
        }

        Create.Index("ux_collectives_credit_code").OnTable("collectives").OnColumn("credit_code").Unique();
        Create.Index("ix_collectives_org_path").OnTable("collectives").OnColumn("org_path").Ascending();
        Create
            .Index("ux_collective_households_number")
            .OnTable("collective_households")
            .OnColumn("collective_id")
            .Ascending()
            .OnColumn("number")
            .Ascending()
            .WithOptions()
            .Unique();
        Create.Index("ix_collective_households_org_path").OnTable("collective_households").OnColumn("org_path");
        Create
            .Index("ux_collective_members_id_number")
            .OnTable("collective_members")
            .OnColumn("collective_id")
            .Ascending()
            .OnColumn("id_number_index")
            .Ascending()
            .WithOptions()
            .Unique();
        Create
            .Index("ix_collective_members_household")
            .OnTable("collective_members")
            .OnColumn("household_id")
            .Ascending();
        Create.Index("ix_collective_members_org_path").OnTable("collective_members").OnColumn("org_path");
        Create
            .Index("ux_collective_share_types_name")
            .OnTable("collective_share_types")
            .OnColumn("collective_id")
            .Ascending()
            .OnColumn("name")
            .Ascending()
            .WithOptions()
            .Unique();
        Create
            .Index("ix_collective_share_holdings_collective")
            .OnTable("collective_share_holdings")
            .OnColumn("collective_id");
        Create
            .Index("ix_collective_share_changes_collective")
            .OnTable("collective_share_changes")
            .OnColumn("collective_id")
            .Ascending()
            .OnColumn("effective_on")
            .Ascending();
        // The register as of a date: the lines of one collective up to that day.
        Create
            .Index("ix_collective_share_change_lines_asof")
            .OnTable("collective_share_change_lines")
            .OnColumn("collective_id")
            .Ascending()
            .OnColumn("effective_on")
            .Ascending();
        Create
            .Index("ix_collective_share_change_lines_member")
            .OnTable("collective_share_change_lines")
            .OnColumn("member_id");
        Create
            .Index("ux_collective_incomes_year")
            .OnTable("collective_incomes")
            .OnColumn("collective_id")
            .Ascending()
            .OnColumn("year")
            .Ascending()
            .WithOptions()
            .Unique();
        Create.Index("ix_collective_incomes_org_path").OnTable("collective_incomes").OnColumn("org_path");
    }

    public override void Down()
    {
        Delete.Table("collective_incomes");
        Delete.Table("collective_share_change_lines");
        Delete.Table("collective_share_changes");
        Delete.Table("collective_share_holdings");
        Delete.Table("collective_share_types");
        Delete.Table("collective_members");
        Delete.Table("collective_households");
        Delete.Table("collective_membership_confirmations");
        Delete.Table("collectives");
    }
}
