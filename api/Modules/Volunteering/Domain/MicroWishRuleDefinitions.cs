using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Volunteering.Domain;

/// <summary>The micro-wishes' rules in the module's section of the region rule set (both local).</summary>
internal static class MicroWishRuleDefinitions
{
    public static readonly RuleDefinition WishPriceCapFen = RuleDefinition.Regional(
        "wishPriceCapFen",
        "微心愿价值上限（分）",
        "Micro-wish value cap (fen)",
        20000,
        100,
        1_000_000,
        "本地规定：微心愿是困难群众“跳一跳够得着”的小心愿，每个心愿价值一般不超过 200 元"
            + "（各地不一，多为 100 至 500 元）。"
    );

    public static readonly RuleDefinition PublicWishWall = RuleDefinition.Regional(
        "publicWishWall",
        "公开心愿墙（1 开启，0 关闭）",
        "Public wish wall (1 on, 0 off)",
        1,
        0,
        1,
        "本地规定：微心愿在心愿墙上公开征集认领（不显示心愿人姓名和电话）；地区可关闭公开页面，只在内部认领。"
    );
}
