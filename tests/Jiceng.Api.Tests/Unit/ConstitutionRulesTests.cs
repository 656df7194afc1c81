using System.Text.Json.Nodes;
using Jiceng.Modules.Members.Domain;

namespace Jiceng.Tests.Unit;

public sealed class ConstitutionRulesTests
{
    [Test]
    public void A_stored_set_that_changed_a_rule_the_Party_Constitution_fixes_is_read_with_the_fixed_value()
    {
        var section = MemberPipelineRuleSection.Instance;
        var stored = JsonNode
            .Parse(
                """
                {
                  "applicantMinAge": { "value": 16, "source": "旧规则" },
                  "probationMonths": { "value": 6, "source": "旧规则" },
                  "extensionMinMonths": { "value": 1, "source": "旧规则" },
                  "extensionMaxMonths": { "value": 24, "source": "旧规则" },
                  "candidateAfterMonths": { "value": 3, "source": "旧规则" },
                  "activistAfterMonths": { "value": 9, "source": "本地规则" }
                }
                """
            )!
            .AsObject();

        var effective = section.Read(stored);

        Assert.Multiple(() =>
        {
            Assert.That(effective.ApplicantMinAge.Value, Is.EqualTo(18));
            Assert.That(effective.ApplicantMinAge.Source, Does.StartWith("《中国共产党章程》第一条"));
            Assert.That(effective.ProbationMonths.Value, Is.EqualTo(12));
            Assert.That(effective.ExtensionMinMonths.Value, Is.EqualTo(6));
            Assert.That(effective.ExtensionMaxMonths.Value, Is.EqualTo(12));
            Assert.That(effective.CandidateAfterMonths.Value, Is.EqualTo(12), "fixed by the 细则");
            Assert.That(effective.ActivistAfterMonths.Value, Is.EqualTo(9), "a local rule");
            Assert.That(effective.ActivistAfterMonths.Source, Is.EqualTo("本地规则"));
            Assert.That(effective.ActivistAfterMonths.Local, Is.True);
            Assert.That(effective.NoticeMinWorkingDays, Is.EqualTo(section.Defaults.NoticeMinWorkingDays), "unset");
        });
    }
}
