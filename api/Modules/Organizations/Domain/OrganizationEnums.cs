using Jiceng.Infrastructure.Primitives;

namespace Jiceng.Modules.Organizations.Domain;

/// <summary>党组织类别. Stored and sent as the English name; the SPA shows the Chinese label.</summary>
internal enum OrganizationKind
{
    /// <summary>党委</summary>
    [Label("党委", "Party committee")]
    Committee,

    /// <summary>党工委</summary>
    [Label("党工委", "Working committee")]
    WorkingCommittee,

    /// <summary>党组</summary>
    [Label("党组", "Leading group")]
    LeadingGroup,

    /// <summary>党总支</summary>
    [Label("党总支", "General branch")]
    GeneralBranch,

    /// <summary>党支部</summary>
    [Label("党支部", "Branch")]
    Branch,

    /// <summary>联合党支部</summary>
    [Label("联合党支部", "Joint branch")]
    JointBranch,

    /// <summary>临时党支部 (e.g. on a project site, 红色工地)</summary>
    [Label("临时党支部", "Temporary branch")]
    TemporaryBranch,
}

/// <summary>领域 of an organization.</summary>
internal enum OrganizationField
{
    /// <summary>机关</summary>
    [Label("机关", "Government organ")]
    Government,

    /// <summary>事业单位</summary>
    [Label("事业单位", "Public institution")]
    PublicInstitution,

    /// <summary>国有企业</summary>
    [Label("国有企业", "State-owned enterprise")]
    StateOwnedEnterprise,

    /// <summary>非公企业</summary>
    [Label("非公企业", "Private enterprise")]
    PrivateEnterprise,

    /// <summary>社会组织</summary>
    [Label("社会组织", "Social organization")]
    SocialOrganization,

    /// <summary>农村（村）</summary>
    [Label("农村", "Village")]
    Village,

    /// <summary>城市社区</summary>
    [Label("城市社区", "Urban community")]
    UrbanCommunity,

    /// <summary>学校</summary>
    [Label("学校", "School")]
    School,

    /// <summary>其他</summary>
    [Label("其他", "Other")]
    Other,
}

internal enum OrganizationStatus
{
    [Label("正常", "Active")]
    Active,

    [Label("已撤销", "Dissolved")]
    Dissolved,
}

/// <summary>包联 (a unit's organization takes responsibility for a village or community) or 结对共建.</summary>
internal enum PairingKind
{
    /// <summary>包联</summary>
    [Label("包联", "Contracting")]
    Contracting,

    /// <summary>结对共建</summary>
    [Label("结对共建", "Partnership")]
    Partnership,
}

internal enum RectificationStatus
{
    [Label("整顿中", "Open")]
    Open,

    [Label("已销号", "Closed")]
    Closed,
}
