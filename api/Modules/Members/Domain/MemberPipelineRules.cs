using Jiceng.Modules.Organizations.Contracts;

namespace Jiceng.Modules.Members.Domain;

/// <summary>
/// The development pipeline's rules in force for an organization's region (DOMAIN.md §2): Members' section of the
/// region rule set. Only the rules DOMAIN.md marks *local* differ between regions; the others are the Party's own.
/// </summary>
internal sealed record MemberPipelineRules(
    NumberRule ApplicantMinAge,
    NumberRule TalkWithinMonths,
    NumberRule ActivistAfterMonths,
    NumberRule CandidateAfterMonths,
    NumberRule IntroducersRequired,
    NumberRule TrainingMinHours,
    NumberRule NoticeMinWorkingDays,
    NumberRule AdmissionVoteAbovePercent,
    NumberRule ApprovalWithinMonths,
    NumberRule ProbationMonths,
    NumberRule ExtensionMinMonths,
    NumberRule ExtensionMaxMonths,
    NumberRule ExtensionsAllowed,
    NumberRule TransferLetterValidMonths,
    NumberRule TransferLetterValidMonthsAcrossProvinces
);

/// <summary>
/// Members' section of the rule set: each rule with its default, its source text and whether a region may change
/// it (README "Rules and their sources" lists them). Sources quote the Party's documents; a local rule says 本地规定.
/// </summary>
internal sealed class MemberPipelineRuleSection : RuleSetSection<MemberPipelineRules>
{
    public static readonly RuleDefinition ApplicantMinAge = RuleDefinition.Fixed(
        "applicantMinAge",
        "申请入党最低年龄",
        "Minimum applicant age",
        18,
        "《中国共产党章程》第一条：年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，"
            + "承认党的纲领和章程，愿意参加党的一个组织并在其中积极工作、执行党的决议和按期交纳党费的，"
            + "可以申请加入中国共产党。"
    );

    public static readonly RuleDefinition TalkWithinMonths = RuleDefinition.Fixed(
        "talkWithinMonths",
        "收到入党申请书后谈话时限（月）",
        "Talk with an applicant within (months)",
        1,
        "《中国共产党发展党员工作细则》第七条：党组织收到入党申请书后，应当在一个月内派人同入党申请人谈话，"
            + "了解基本情况。"
    );

    public static readonly RuleDefinition ActivistAfterMonths = RuleDefinition.Regional(
        "activistAfterMonths",
        "确定为入党积极分子间隔（月）",
        "Months before activist",
        6,
        0,
        24,
        "本地规定：递交入党申请书 6 个月以后，方可确定为入党积极分子（各地不一，有的为 3 个月）。"
    );

    public static readonly RuleDefinition CandidateAfterMonths = RuleDefinition.Fixed(
        "candidateAfterMonths",
        "确定为发展对象间隔（月）",
        "Months before candidate",
        12,
        "《中国共产党发展党员工作细则》第十三条：对经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，"
            + "在听取党小组、培养联系人、党员和群众意见的基础上，支部委员会讨论同意并报上级党委备案后，"
            + "可列为发展对象。"
    );

    public static readonly RuleDefinition IntroducersRequired = RuleDefinition.Fixed(
        "introducersRequired",
        "入党介绍人人数",
        "Introducers required",
        2,
        "《中国共产党章程》第五条：申请入党的人，要填写入党志愿书，要有两名正式党员作介绍人，"
            + "要经过支部大会通过和上级党组织批准，并且经过预备期的考察，才能成为正式党员。"
    );

    public static readonly RuleDefinition TrainingMinHours = RuleDefinition.Fixed(
        "trainingMinHours",
        "集中培训最少学时",
        "Minimum training hours",
        24,
        "《中国共产党发展党员工作细则》第十七条：基层党委或县级党委组织部门应当对发展对象进行短期集中培训。"
            + "培训时间一般不少于 3 天（或不少于 24 个学时）。"
    );

    public static readonly RuleDefinition NoticeMinWorkingDays = RuleDefinition.Regional(
        "noticeMinWorkingDays",
        "公示最少工作日",
        "Minimum notice working days",
        5,
        1,
        30,
        "本地规定：发展对象确定为预备党员前须进行公示，公示期不少于 5 个工作日。"
    );

    public static readonly RuleDefinition AdmissionVoteAbovePercent = RuleDefinition.Fixed(
        "admissionVoteAbovePercent",
        "支部大会表决通过须超过的比例（%）",
        "Votes for must exceed (percent of entitled voters)",
        50,
        "《中国共产党发展党员工作细则》第二十一条：支部大会讨论接收预备党员时，"
            + "赞成人数超过应到会有表决权的正式党员的半数，才能通过接收预备党员的决议。"
    );

    public static readonly RuleDefinition ApprovalWithinMonths = RuleDefinition.Fixed(
        "approvalWithinMonths",
        "审批时限（月）",
        "Approval within (months)",
        3,
        "《中国共产党发展党员工作细则》：基层党委对党支部上报的接收预备党员的决议，应当在 3 个月内审批。"
    );

    public static readonly RuleDefinition ProbationMonths = RuleDefinition.Fixed(
        "probationMonths",
        "预备期（月）",
        "Probation (months)",
        12,
        "《中国共产党章程》第七条：预备党员的预备期为一年。预备党员的预备期，从支部大会通过他为预备党员之日算起。"
    );

    private const string ExtensionSource =
        "《中国共产党章程》第七条：需要继续考察和教育的，可以延长预备期，但不能超过一年。"
        + "《中国共产党发展党员工作细则》第三十二条：需要继续考察和教育的，可以延长一次预备期，"
        + "延长时间不能少于半年，最长不超过一年。";

    public static readonly RuleDefinition ExtensionMinMonths = RuleDefinition.Fixed(
        "extensionMinMonths",
        "延长预备期最短（月）",
        "Minimum extension (months)",
        6,
        ExtensionSource
    );

    public static readonly RuleDefinition ExtensionMaxMonths = RuleDefinition.Fixed(
        "extensionMaxMonths",
        "延长预备期最长（月）",
        "Maximum extension (months)",
        12,
        ExtensionSource
    );

    public static readonly RuleDefinition ExtensionsAllowed = RuleDefinition.Fixed(
        "extensionsAllowed",
        "预备期可延长次数",
        "Extensions allowed",
        1,
        ExtensionSource
    );

    public static readonly RuleDefinition TransferLetterValidMonths = RuleDefinition.Regional(
        "transferLetterValidMonths",
        "介绍信有效期（月）",
        "Transfer letter validity (months)",
        3,
        1,
        6,
        "本地规定：组织关系介绍信有效期一般不超过 3 个月。"
    );

    public static readonly RuleDefinition TransferLetterValidMonthsAcrossProvinces = RuleDefinition.Regional(
        "transferLetterValidMonthsAcrossProvinces",
        "跨省介绍信有效期（月）",
        "Cross-province transfer letter validity (months)",
        6,
        1,
        12,
        "本地规定：跨省（区、市）转接组织关系的，介绍信有效期可为 6 个月。"
    );

    // After the definitions: static fields initialize in order, and the instance lists them.
    public static readonly MemberPipelineRuleSection Instance = new();

    public override string Key => "memberPipeline";

    public override IReadOnlyList<RuleDefinition> NumberRules { get; } =
    [
        ApplicantMinAge,
        TalkWithinMonths,
        ActivistAfterMonths,
        CandidateAfterMonths,
        IntroducersRequired,
        TrainingMinHours,
        NoticeMinWorkingDays,
        AdmissionVoteAbovePercent,
        ApprovalWithinMonths,
        ProbationMonths,
        ExtensionMinMonths,
        ExtensionMaxMonths,
        ExtensionsAllowed,
        TransferLetterValidMonths,
        TransferLetterValidMonthsAcrossProvinces,
    ];

    public override MemberPipelineRules Defaults { get; } =
        new(
            ApplicantMinAge.DefaultRule,
            TalkWithinMonths.DefaultRule,
            ActivistAfterMonths.DefaultRule,
            CandidateAfterMonths.DefaultRule,
            IntroducersRequired.DefaultRule,
            TrainingMinHours.DefaultRule,
            NoticeMinWorkingDays.DefaultRule,
            AdmissionVoteAbovePercent.DefaultRule,
            ApprovalWithinMonths.DefaultRule,
            ProbationMonths.DefaultRule,
            ExtensionMinMonths.DefaultRule,
            ExtensionMaxMonths.DefaultRule,
            ExtensionsAllowed.DefaultRule,
            TransferLetterValidMonths.DefaultRule,
            TransferLetterValidMonthsAcrossProvinces.DefaultRule
        );
}

/// <summary>Reads Members' section of the rule set in force for organizations' regions.</summary>
internal sealed class MemberRuleSets(IRegionRuleSets ruleSets)
{
    public Task<MemberPipelineRules> MemberPipelineRulesAsync(
        Guid organizationId,
        CancellationToken cancellationToken
    ) => ruleSets.SectionAsync<MemberPipelineRules>(organizationId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, MemberPipelineRules>> MemberPipelineRulesAsync(
        IReadOnlyCollection<Guid> organizationIds,
        CancellationToken cancellationToken
    ) => ruleSets.SectionAsync<MemberPipelineRules>(organizationIds, cancellationToken);
}
