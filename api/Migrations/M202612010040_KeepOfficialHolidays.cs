using System.Globalization;
using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// The official working-day calendar (国务院办公厅关于…部分节假日安排的通知): per year the notice it follows, and per
/// date a holiday or a weekend day made a working day (调休). Days not listed follow the week (Monday to Friday).
/// Filled here from 2020 to 2026, the latest year published (2025-11-04); a system administrator enters the next.
/// Each date is kept under its own calendar year, so 2022-12-31 (元旦 of the 2023 notice) belongs to 2022.
/// </summary>
[Migration(202612010040, "Official holidays and make-up working days")]
public sealed class M202612010040_KeepOfficialHolidays : Migration
{
    public override void Up()
    {
        Create
            .Table("calendar_years")
            .WithColumn("year")
            .AsInt32()
            .PrimaryKey()
            .WithColumn("notice")
            .AsString(200)
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
            .Table("calendar_days")
            .WithColumn("day")
            .AsDate()
            .PrimaryKey()
            .WithColumn("year")
            .AsInt32()
            .NotNullable()
            .ForeignKey("fk_calendar_days_year", "calendar_years", "year")
            .WithColumn("kind")
            .AsAnsiString(20)
            .NotNullable()
            .WithColumn("name")
            .AsString(20)
            .NotNullable();
        Create.Index("ix_calendar_days_year").OnTable("calendar_days").OnColumn("year");

        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var year in OfficialHolidays2020To2026.Years)
        {
            Insert
                .IntoTable("calendar_years")
                .Row(
                    new
                    {
                        year = year.Year,
                        notice = year.Notice,
                        created_at = now,
                        updated_at = now,
                        version = 1L,
                    }
                );
            foreach (var (day, kind, name) in year.Days())
            {
                Insert
                    .IntoTable("calendar_days")
                    .Row(
                        new
                        {
                            day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                            year = year.Year,
                            kind,
                            name,
                        }
                    );
            }
        }
    }

    public override void Down()
    {
        Delete.Table("calendar_days");
        Delete.Table("calendar_years");
    }
}

/// <summary>
/// The State Council's notices as published, frozen with the migration that loads them (later corrections go
/// through the API and are audited). A period is written as first and last day, both included.
/// </summary>
internal static class OfficialHolidays2020To2026
{
    internal sealed record NoticeYear(
        int Year,
        string Notice,
        (string Name, string From, string To)[] Holidays,
        (string Name, string On)[] WorkingDays
    )
    {
        public IEnumerable<(DateOnly Day, string Kind, string Name)> Days()
        {
            foreach (var (name, from, to) in Holidays)
            {
                for (var day = D(from); day <= D(to); day = day.AddDays(1))
                {
                    yield return (day, "Holiday", name);
                }
            }
            foreach (var (name, on) in WorkingDays)
            {
                yield return (D(on), "WorkingDay", name);
            }
        }

        private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static readonly NoticeYear[] Years =
    [
        new(
            2020,
            "国办发明电〔2019〕16号（2019-11-21）；春节假期延长至2月2日：国办发明电〔2020〕1号",
            [
                ("元旦", "2020-01-01", "2020-01-01"),
                // Extended to 2 February by 国办发明电〔2020〕1号, which also cancelled the make-up day of 1 February.
                ("春节", "2020-01-24", "2020-02-02"),
                ("清明节", "2020-04-04", "2020-04-06"),
                ("劳动节", "2020-05-01", "2020-05-05"),
                ("端午节", "2020-06-25", "2020-06-27"),
                ("国庆节、中秋节", "2020-10-01", "2020-10-08"),
            ],
            [
                ("春节调休", "2020-01-19"),
                ("劳动节调休", "2020-04-26"),
                ("劳动节调休", "2020-05-09"),
                ("端午节调休", "2020-06-28"),
                ("国庆节调休", "2020-09-27"),
                ("国庆节调休", "2020-10-10"),
            ]
        ),
        new(
            2021,
            "国办发明电〔2020〕27号（2020-11-25）",
            [
                ("元旦", "2021-01-01", "2021-01-03"),
                ("春节", "2021-02-11", "2021-02-17"),
                ("清明节", "2021-04-03", "2021-04-05"),
                ("劳动节", "2021-05-01", "2021-05-05"),
                ("端午节", "2021-06-12", "2021-06-14"),
                ("中秋节", "2021-09-19", "2021-09-21"),
                ("国庆节", "2021-10-01", "2021-10-07"),
            ],
            [
                ("春节调休", "2021-02-07"),
                ("春节调休", "2021-02-20"),
                ("劳动节调休", "2021-04-25"),
                ("劳动节调休", "2021-05-08"),
                ("中秋节调休", "2021-09-18"),
                ("国庆节调休", "2021-09-26"),
                ("国庆节调休", "2021-10-09"),
            ]
        ),
        new(
            2022,
            "国务院办公厅关于2022年部分节假日安排的通知（2021-10-25）；2022-12-31 见2023年通知",
            [
                ("元旦", "2022-01-01", "2022-01-03"),
                ("春节", "2022-01-31", "2022-02-06"),
                ("清明节", "2022-04-03", "2022-04-05"),
                ("劳动节", "2022-04-30", "2022-05-04"),
                ("端午节", "2022-06-03", "2022-06-05"),
                ("中秋节", "2022-09-10", "2022-09-12"),
                ("国庆节", "2022-10-01", "2022-10-07"),
                ("元旦", "2022-12-31", "2022-12-31"),
            ],
            [
                ("春节调休", "2022-01-29"),
                ("春节调休", "2022-01-30"),
                ("清明节调休", "2022-04-02"),
                ("劳动节调休", "2022-04-24"),
                ("劳动节调休", "2022-05-07"),
                ("国庆节调休", "2022-10-08"),
                ("国庆节调休", "2022-10-09"),
            ]
        ),
        new(
            2023,
            "国务院办公厅关于2023年部分节假日安排的通知（2022-12-08）",
            [
                ("元旦", "2023-01-01", "2023-01-02"),
                ("春节", "2023-01-21", "2023-01-27"),
                ("清明节", "2023-04-05", "2023-04-05"),
                ("劳动节", "2023-04-29", "2023-05-03"),
                ("端午节", "2023-06-22", "2023-06-24"),
                ("中秋节、国庆节", "2023-09-29", "2023-10-06"),
            ],
            [
                ("春节调休", "2023-01-28"),
                ("春节调休", "2023-01-29"),
                ("劳动节调休", "2023-04-23"),
                ("劳动节调休", "2023-05-06"),
                ("端午节调休", "2023-06-25"),
                ("国庆节调休", "2023-10-07"),
                ("国庆节调休", "2023-10-08"),
            ]
        ),
        new(
            2024,
            "国务院办公厅关于2024年部分节假日安排的通知（2023-10-25）",
            [
                ("元旦", "2024-01-01", "2024-01-01"),
                ("春节", "2024-02-10", "2024-02-17"),
                ("清明节", "2024-04-04", "2024-04-06"),
                ("劳动节", "2024-05-01", "2024-05-05"),
                ("端午节", "2024-06-10", "2024-06-10"),
                ("中秋节", "2024-09-15", "2024-09-17"),
                ("国庆节", "2024-10-01", "2024-10-07"),
            ],
            [
                ("春节调休", "2024-02-04"),
                ("春节调休", "2024-02-18"),
                ("清明节调休", "2024-04-07"),
                ("劳动节调休", "2024-04-28"),
                ("劳动节调休", "2024-05-11"),
                ("中秋节调休", "2024-09-14"),
                ("国庆节调休", "2024-09-29"),
                ("国庆节调休", "2024-10-12"),
            ]
        ),
        new(
            2025,
            "国办发明电〔2024〕12号（2024-11-12）",
            [
                ("元旦", "2025-01-01", "2025-01-01"),
                ("春节", "2025-01-28", "2025-02-04"),
                ("清明节", "2025-04-04", "2025-04-06"),
                ("劳动节", "2025-05-01", "2025-05-05"),
                ("端午节", "2025-05-31", "2025-06-02"),
                ("国庆节、中秋节", "2025-10-01", "2025-10-08"),
            ],
            [
                ("春节调休", "2025-01-26"),
                ("春节调休", "2025-02-08"),
                ("劳动节调休", "2025-04-27"),
                ("国庆节调休", "2025-09-28"),
                ("国庆节调休", "2025-10-11"),
            ]
        ),
        new(
            2026,
            "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）",
            [
                ("元旦", "2026-01-01", "2026-01-03"),
                ("春节", "2026-02-15", "2026-02-23"),
                ("清明节", "2026-04-04", "2026-04-06"),
                ("劳动节", "2026-05-01", "2026-05-05"),
                ("端午节", "2026-06-19", "2026-06-21"),
                ("中秋节", "2026-09-25", "2026-09-27"),
                ("国庆节", "2026-10-01", "2026-10-07"),
            ],
            [
                ("元旦调休", "2026-01-04"),
                ("春节调休", "2026-02-14"),
                ("春节调休", "2026-02-28"),
                ("劳动节调休", "2026-05-09"),
                ("国庆节调休", "2026-09-20"),
                ("国庆节调休", "2026-10-10"),
            ]
        ),
    ];
}
