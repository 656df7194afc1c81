using System.Data;
using System.Text.Json;
using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// The talk with an applicant (入党谈话, due within a month of the application) as a date on the record, so the
/// pipeline can show it due and a talk held later can be recorded. Talks given at registration so far live in
/// the application step's details; they are copied over.
/// </summary>
[Migration(202611290012, "Members' application talk date")]
public sealed class M202611290012_RecordApplicationTalks : Migration
{
    private const string ApplicationStepsSql = "SELECT member_id, details FROM member_steps WHERE step = 'Application'";

    private const string SetTalkSql = "UPDATE members SET talk_on = @talkOn WHERE id = @memberId";

    public override void Up()
    {
        Alter.Table("members").AddColumn("talk_on").AsDate().Nullable();
        Execute.WithConnection(CopyTalksFromApplicationSteps);
    }

    public override void Down() => Delete.Column("talk_on").FromTable("members");

    private static void CopyTalksFromApplicationSteps(IDbConnection connection, IDbTransaction transaction)
    {
        var talks = new List<(object MemberId, DateOnly TalkOn)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = ApplicationStepsSql;
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                using var details = JsonDocument.Parse(reader.GetString(1));
                if (
                    details.RootElement.TryGetProperty("talkOn", out var talkOn)
                    && talkOn.ValueKind == JsonValueKind.String
                    && DateOnly.TryParse(
                        talkOn.GetString(),
                        System.Globalization.CultureInfo.InvariantCulture,
                        out var day
                    )
                )
                {
                    talks.Add((reader.GetValue(0), day));
                }
            }
        }
        foreach (var (memberId, talkOn) in talks)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = SetTalkSql;
            Add(update, "@talkOn", talkOn);
            Add(update, "@memberId", memberId);
            update.ExecuteNonQuery();
        }
    }

    private static void Add(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        // Dates as the application's type handler writes them: ISO text on SQLite, a date elsewhere.
        parameter.Value = value is DateOnly date
            ? parameter is Microsoft.Data.Sqlite.SqliteParameter
                ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : date.ToDateTime(TimeOnly.MinValue)
            : value;
        if (value is DateOnly && parameter is not Microsoft.Data.Sqlite.SqliteParameter)
        {
            parameter.DbType = DbType.Date;
        }
        command.Parameters.Add(parameter);
    }
}
