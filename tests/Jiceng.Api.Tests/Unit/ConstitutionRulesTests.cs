using Jiceng.Modules.Organizations.Domain;

namespace Jiceng.Tests.Unit;

public sealed class ConstitutionRulesTests
{
    [Test]
    public void A_stored_set_that_changed_a_rule_the_Party_Constitution_fixes_is_read_with_the_fixed_value()
    {
        var defaults = MemberPipelineRuleSet.Default;
        var stored = RuleSetDocument.FromJson(
            (
                RuleSetDocument.Default with
                {
                    MemberPipeline = defaults with
                    {
                        ApplicantMinAge = new NumberRule(16, "旧规则"),
                        ProbationMonths = new NumberRule(6, "旧规则"),
                        ExtensionMinMonths = new NumberRule(1, "旧规则"),
                        ExtensionMaxMonths = new NumberRule(24, "旧规则"),
                        ActivistAfterMonths = new NumberRule(9, "本地规则"),
                    },
                }
            ).ToJson()
        );

        var effective = stored.MemberPipelineOrDefault.WithConstitution();

        Assert.Multiple(() =>
        {
            Assert.That(effective.ApplicantMinAge.Value, Is.EqualTo(18));
            Assert.That(effective.ProbationMonths.Value, Is.EqualTo(12));
            Assert.That(effective.ExtensionMinMonths.Value, Is.EqualTo(6));
            Assert.That(effective.ExtensionMaxMonths.Value, Is.EqualTo(12));
            Assert.That(effective.ActivistAfterMonths, Is.EqualTo(new NumberRule(9, "本地规则")), "a local rule");
            Assert.That(effective.CandidateAfterMonths, Is.EqualTo(defaults.CandidateAfterMonths));
        });
    }
}
