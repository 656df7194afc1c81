using System.Data;
using System.Text.Json.Nodes;
using FluentMigrator;

namespace Jiceng.Migrations;

/// <summary>
/// Rule sets become a composition of sections, each owned by its module: Organizations' rules, kept at the
/// document's root so far, move under "organizations"; Members' rules stay under "memberPipeline". A local rule's
/// source text still equal to an old default (which cited the wrong article, or a 细则 article for a local practice)
/// takes the corrected default; a text a region wrote itself is kept. Fixed rules need nothing: their values and
/// texts come from the code whatever is stored.
/// </summary>
[Migration(202612010020, "Rule sets as sections per module, with corrected source texts")]
public sealed class M202612010020_ComposeRuleSetsFromSections : Migration
{
    private const string ReadSql = "SELECT id, document FROM rule_sets";

    private const string WriteSql = "UPDATE rule_sets SET document = @document WHERE id = @id";

    private const string OrganizationsKey = "organizations";

    private const string MembersKey = "memberPipeline";

    // The old default text of each local rule and the text that replaces it (a snapshot: later edits to the
    // defaults do not belong here).
    private static readonly (string Section, string Rule, string Old, string New)[] Texts =
    [
        (
            MembersKey,
            "activistAfterMonths",
            "《中国共产党发展党员工作细则》第九条：在入党申请人中确定入党积极分子，一般应在递交入党申请书 6 个月以后（本地可另定）。",
            "本地规定：递交入党申请书 6 个月以后，方可确定为入党积极分子（各地不一，有的为 3 个月）。"
        ),
        (
            MembersKey,
            "noticeMinWorkingDays",
            "《中国共产党发展党员工作细则》第十八条：发展对象确定为预备党员前须进行公示，公示期一般为 5 个工作日（本地可另定）。",
            "本地规定：发展对象确定为预备党员前须进行公示，公示期不少于 5 个工作日。"
        ),
        (
            MembersKey,
            "transferLetterValidMonths",
            "组织关系介绍信有效期一般不超过 3 个月（跨省转接本地可定为 6 个月）。",
            "本地规定：组织关系介绍信有效期一般不超过 3 个月。"
        ),
        (
            MembersKey,
            "transferLetterValidMonthsAcrossProvinces",
            "跨省（区、市）转接组织关系的，介绍信有效期可为 6 个月（本地可另定）。",
            "本地规定：跨省（区、市）转接组织关系的，介绍信有效期可为 6 个月。"
        ),
        (
            OrganizationsKey,
            "termWarningDays",
            "换届提醒：任期届满前 90 日提醒上级党组织做好换届准备。",
            "本地规定：任期届满前 90 日提醒上级党组织做好换届准备。"
        ),
        (
            OrganizationsKey,
            "gradingLevels",
            "基层党组织分类定级：每年按“好、较好、一般、较差”四个等次评定，“较差”为后进，实行晋位升级（各地名称不一，如 先进/一般/后进、A–D）。",
            "本地规定：基层党组织分类定级，每年按“好、较好、一般、较差”四个等次评定，“较差”为后进，实行晋位升级"
                + "（各地名称不一，如 先进/一般/后进、A–D）。"
        ),
        (
            OrganizationsKey,
            "starRating",
            "星级评定：满分 110 分，90 分以上为五星，80–90 分为四星，70–80 分为三星。",
            "本地规定：星级评定满分 110 分，90 分以上为五星，80–90 分为四星，70–80 分为三星。"
        ),
        (
            OrganizationsKey,
            "weakOrganizationTriggers",
            "软弱涣散基层党组织排查整顿：各地按本地标准确定排查情形（如书记空缺超过 3 个月）。",
            "本地规定：软弱涣散基层党组织排查整顿，各地按本地标准确定排查情形（如书记空缺超过 3 个月）。"
        ),
    ];

    // Chinese as text, not \u escapes, as the application writes documents.
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override void Up() =>
        Execute.WithConnection((connection, transaction) => Rewrite(connection, transaction, Compose));

    public override void Down() =>
        Execute.WithConnection((connection, transaction) => Rewrite(connection, transaction, Flatten));

    /// <summary>The sections of a document stored with Organizations' rules at its root.</summary>
    internal static JsonObject Compose(JsonObject root)
    {
        if (root.ContainsKey(OrganizationsKey))
        {
            return root;
        }
        var organizations = new JsonObject();
        JsonObject? members = null;
        foreach (var (key, value) in root.ToList())
        {
            root.Remove(key);
            if (key == MembersKey)
            {
                members = value as JsonObject;
            }
            else
            {
                organizations[key] = value;
            }
        }
        var document = new JsonObject { [OrganizationsKey] = organizations };
        if (members is not null)
        {
            document[MembersKey] = members;
        }
        foreach (var (section, rule, old, corrected) in Texts)
        {
            if (document[section]?[rule] is JsonObject stored && (string?)stored["source"] == old)
            {
                stored["source"] = corrected;
            }
        }
        return document;
    }

    private static JsonObject Flatten(JsonObject document)
    {
        if (document[OrganizationsKey] is not JsonObject organizations)
        {
            return document;
        }
        var root = new JsonObject();
        foreach (var (key, value) in organizations.ToList())
        {
            organizations.Remove(key);
            root[key] = value;
        }
        if (document[MembersKey] is JsonObject members)
        {
            document.Remove(MembersKey);
            root[MembersKey] = members;
        }
        return root;
    }

    private static void Rewrite(
        IDbConnection connection,
        IDbTransaction transaction,
        Func<JsonObject, JsonObject> change
    )
    {
        var rows = new List<(object Id, string Document)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = ReadSql;
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                if (JsonNode.Parse(reader.GetString(1)) is JsonObject root)
                {
                    rows.Add((reader.GetValue(0), change(root).ToJsonString(Readable)));
                }
            }
        }
        foreach (var (id, document) in rows)
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = WriteSql;
            Add(update, "@document", document);
            Add(update, "@id", id);
            update.ExecuteNonQuery();
        }
    }

    private static void Add(IDbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
