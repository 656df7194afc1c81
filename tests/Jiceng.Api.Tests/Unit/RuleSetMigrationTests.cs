using System.Text.Json.Nodes;
using Jiceng.Migrations;

namespace Jiceng.Tests.Unit;

/// <summary>A rule set stored before sections existed keeps working: its rules move into their sections.</summary>
public sealed class RuleSetMigrationTests
{
    [Test]
    public void A_stored_set_moves_into_sections_and_old_default_texts_of_local_rules_are_corrected()
    {
        var stored = JsonNode
            .Parse(
                """
                {
                  "termWarningDays": { "value": 120, "source": "换届提醒：任期届满前 90 日提醒上级党组织做好换届准备。" },
                  "committeeTermYears": { "value": 3, "source": "某区文件" },
                  "memberPipeline": {
                    "activistAfterMonths": {
                      "value": 6,
                      "source": "《中国共产党发展党员工作细则》第九条：在入党申请人中确定入党积极分子，一般应在递交入党申请书 6 个月以后（本地可另定）。"
                    },
                    "noticeMinWorkingDays": { "value": 7, "source": "鸡西市规定：公示 7 个工作日。" }
                  }
                }
                """
            )!
            .AsObject();

        var document = M202612010020_ComposeRuleSetsFromSections.Compose(stored);

        Assert.Multiple(() =>
        {
            Assert.That(document.Select(p => p.Key), Is.EquivalentTo(new[] { "organizations", "memberPipeline" }));
            Assert.That((int)document["organizations"]!["termWarningDays"]!["value"]!, Is.EqualTo(120));
            Assert.That((string)document["organizations"]!["termWarningDays"]!["source"]!, Does.StartWith("本地规定"));
            Assert.That((string)document["organizations"]!["committeeTermYears"]!["source"]!, Is.EqualTo("某区文件"));
            Assert.That(
                (string)document["memberPipeline"]!["activistAfterMonths"]!["source"]!,
                Does.StartWith("本地规定").And.Not.Contain("细则")
            );
            Assert.That(
                (string)document["memberPipeline"]!["noticeMinWorkingDays"]!["source"]!,
                Is.EqualTo("鸡西市规定：公示 7 个工作日。"),
                "a region's own text is kept"
            );
            Assert.That(
                M202612010020_ComposeRuleSetsFromSections.Compose(document.DeepClone().AsObject()).ToJsonString(),
                Is.EqualTo(document.ToJsonString()),
                "a document already in sections is left alone"
            );
        });
    }
}
