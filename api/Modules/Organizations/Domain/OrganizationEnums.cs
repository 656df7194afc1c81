namespace Jiceng.Modules.Organizations.Domain;

/// <summary>党组织类别. Stored and sent as the English name; the SPA shows the Chinese label.</summary>
internal enum OrganizationKind
{
    /// <summary>党委</summary>
    Committee,
    /// <summary>党工委</summary>
    WorkingCommittee,
    /// <summary>党组</summary>
    LeadingGroup,
    /// <summary>党总支</summary>
    GeneralBranch,
    /// <summary>党支部</summary>
    Branch,
    /// <summary>联合党支部</summary>
    JointBranch,
    /// <summary>临时党支部 (e.g. on a project site, 红色工地)</summary>
    TemporaryBranch,
}

/// <summary>领域 of an organization.</summary>
internal enum OrganizationField
{
    /// <summary>机关</summary>
    Government,
    /// <summary>事业单位</summary>
    PublicInstitution,
    /// <summary>国有企业</summary>
    StateOwnedEnterprise,
    /// <summary>非公企业</summary>
    PrivateEnterprise,
    /// <summary>社会组织</summary>
    SocialOrganization,
    /// <summary>农村（村）</summary>
    Village,
    /// <summary>城市社区</summary>
    UrbanCommunity,
    /// <summary>学校</summary>
    School,
    /// <summary>其他</summary>
    Other,
}

internal enum OrganizationStatus
{
    Active,
    Dissolved,
}

/// <summary>包联 (a unit's organization takes responsibility for a village or community) or 结对共建.</summary>
internal enum PairingKind
{
    /// <summary>包联</summary>
    Contracting,
    /// <summary>结对共建</summary>
    Partnership,
}

internal enum RectificationStatus
{
    Open,
    Closed,
}
