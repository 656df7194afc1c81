/** Chinese first; every key has an English twin. */
export const resources = {
  'zh-CN': {
    translation: {
      appName: '基层党建',
      signIn: { title: '登录', username: '用户名', password: '密码', submit: '登录', failed: '登录失败' },
      layout: { organizations: '党组织', coalitions: '联盟共建', signOut: '退出登录', language: 'English', scopeAll: '全部组织' },
      organizations: {
        tree: '组织树', search: '搜索党组织', details: '详细信息', kind: '类别', field: '领域', secretary: '书记', termEndsOn: '本届任期至',
        status: '状态', children: '下级组织', choose: '请在左侧选择党组织', path: '上级组织',
        searchResults: '搜索结果', noMatches: '没有找到', moreMatches: '共 {{count}} 个，请输入更多字缩小范围', typeToSearch: '输入名称搜索',
      },
      errors: { forbidden: '没有权限', notFound: '未找到', forbiddenDetail: '您没有查看此页面的权限。', notFoundDetail: '页面或数据不存在，或不在您的管理范围内。', home: '返回首页', network: '无法连接服务器，请检查网络后重试。', conflict: '数据已被他人修改，请刷新后重试。', generic: '操作失败' },
      form: { save: '保存', cancel: '取消', name: '名称', shortName: '简称', establishedOn: '成立日期', termStartedOn: '本届任期开始', description: '说明' },
      actions: { reload: '刷新', create: '新建下级组织', edit: '编辑', move: '移动', dissolve: '撤销', dissolveConfirm: '确定撤销该党组织？撤销后不可再修改。' },
      move: { title: '移动到（选择新的上级组织）', choose: '请选择新的上级组织。', submit: '移动' },
      kind: {
        Committee: '党委', WorkingCommittee: '党工委', LeadingGroup: '党组', GeneralBranch: '党总支', Branch: '党支部', JointBranch: '联合党支部',
        TemporaryBranch: '临时党支部',
      },
      field: {
        Government: '机关', PublicInstitution: '事业单位', StateOwnedEnterprise: '国有企业', PrivateEnterprise: '非公企业', SocialOrganization: '社会组织',
        Village: '农村', UrbanCommunity: '城市社区', School: '学校', Other: '其他',
      },
      status: { Active: '正常', Dissolved: '已撤销' },
      table: { total: '共 {{count}} 条' },
      tabs: { overview: '概况', gradings: '分类定级', rectifications: '软弱涣散整顿', pairings: '结对共建', warnings: '规则提醒' },
      stats: {
        active: '正常组织', dissolved: '已撤销', ungraded: '未定级', pairings: '结对中', openRectifications: '整顿中', overdueRectifications: '整顿逾期',
        chartTitle: '组织类别与定级分布', byKind: '按类别', byLevel: '{{year}} 年定级',
        contributed: { 'members.total': '党员', 'members.full': '正式党员', 'members.probationary': '预备党员' },
      },
      gradings: {
        history: '历年定级', record: '登记定级', revise: '修改 {{year}} 年定级', year: '年度', level: '等次', score: '得分', comment: '评语', gradedOn: '评定日期',
        lagging: '后进党组织', movement: '变化', previousLevel: '上年等次', laggingSummary: '本年后进 {{thisYear}} 个，上年 {{lastYear}} 个，其中 {{upgraded}} 个已晋位升级',
      },
      movement: { Upgraded: '升级', Unchanged: '未变', Downgraded: '降级', New: '新增后进', NotGraded: '本年未定级' },
      rectifications: {
        title: '整顿', open: '列入整顿', organization: '党组织', responsible: '责任人', flaggedOn: '列入日期', dueOn: '整改期限', daysOverdue: '逾期 {{count}} 天',
        overdue: '已逾期', status: { Open: '整顿中', Closed: '已销号' }, includeDescendants: '含下级组织', overdueOnly: '只看逾期',
        reasons: '软弱涣散情形', reasonsHint: '输入一条情形后按回车', plan: '整顿方案', closureNote: '销号说明', notes: '整顿进展', noNotes: '尚无进展记录',
        addNote: '记录进展', close: '验收销号', notedOn: '日期', noteContent: '进展情况', closedOn: '销号日期',
      },
      pairings: {
        create: '新建结对', kind: '结对方式', kinds: { Contracting: '包联', Partnership: '结对共建' }, activeOnly: '只看进行中', organization: '党组织', partner: '结对组织',
        startsOn: '开始日期', endsOn: '结束日期', notes: '备注', active: '进行中', ended: '已结束',
      },
      warnings: {
        code: '提醒类型', codes: { TermOverdue: '任期已满', TermEndingSoon: '任期将满', TooFewFullMembers: '正式党员不足', CommitteeRequired: '应设支委会' },
        message: '说明', dueOn: '日期', rule: '依据',
      },
      coalitions: { title: '联盟与共建体', create: '新建联盟', search: '按名称搜索', members: '成员组织' },
    },
  },
  'en-US': {
    translation: {
      appName: 'Jiceng',
      signIn: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed' },
      layout: { organizations: 'Organizations', coalitions: 'Coalitions', signOut: 'Sign out', language: '中文', scopeAll: 'All organizations' },
      organizations: {
        tree: 'Organization tree', search: 'Search organizations', details: 'Details', kind: 'Kind', field: 'Field', secretary: 'Secretary',
        termEndsOn: 'Term ends', status: 'Status', children: 'Child organizations', choose: 'Choose an organization on the left', path: 'Parents',
        searchResults: 'Search results', noMatches: 'No matches', moreMatches: '{{count}} matches; type more to narrow them', typeToSearch: 'Type a name to search',
      },
      errors: { forbidden: 'Forbidden', notFound: 'Not found', forbiddenDetail: 'You may not see this page.', notFoundDetail: 'This page or record does not exist, or is outside your organizations.', home: 'Back to the start', network: 'Cannot reach the server; check the connection and try again.', conflict: 'Changed by someone else; reload and try again.', generic: 'Something went wrong' },
      form: { save: 'Save', cancel: 'Cancel', name: 'Name', shortName: 'Short name', establishedOn: 'Established on', termStartedOn: 'Term started on', description: 'Description' },
      actions: { reload: 'Reload', create: 'New child organization', edit: 'Edit', move: 'Move', dissolve: 'Dissolve', dissolveConfirm: 'Dissolve this organization? It can no longer be changed afterwards.' },
      move: { title: 'Move under (choose the new parent)', choose: 'Choose the new parent organization.', submit: 'Move' },
      kind: {
        Committee: 'Party committee', WorkingCommittee: 'Working committee', LeadingGroup: 'Leading group', GeneralBranch: 'General branch', Branch: 'Branch',
        JointBranch: 'Joint branch', TemporaryBranch: 'Temporary branch',
      },
      field: {
        Government: 'Government organ', PublicInstitution: 'Public institution', StateOwnedEnterprise: 'State-owned enterprise', PrivateEnterprise: 'Private enterprise',
        SocialOrganization: 'Social organization', Village: 'Village', UrbanCommunity: 'Urban community', School: 'School', Other: 'Other',
      },
      status: { Active: 'Active', Dissolved: 'Dissolved' },
      table: { total: '{{count}} in all' },
      tabs: { overview: 'Overview', gradings: 'Gradings', rectifications: 'Rectifications', pairings: 'Pairings', warnings: 'Rule warnings' },
      stats: {
        active: 'Active', dissolved: 'Dissolved', ungraded: 'Not graded', pairings: 'Active pairings', openRectifications: 'Under rectification',
        overdueRectifications: 'Overdue rectifications', chartTitle: 'Organizations by kind and grading level', byKind: 'By kind', byLevel: 'Gradings {{year}}',
        contributed: { 'members.total': 'Members', 'members.full': 'Full members', 'members.probationary': 'Probationary members' },
      },
      gradings: {
        history: 'Gradings by year', record: 'Record a grading', revise: 'Revise the {{year}} grading', year: 'Year', level: 'Level', score: 'Score', comment: 'Comment',
        gradedOn: 'Graded on', lagging: 'Lagging organizations', movement: 'Movement', previousLevel: 'Level the year before',
        laggingSummary: '{{thisYear}} lagging this year, {{lastYear}} the year before, {{upgraded}} of them upgraded',
      },
      movement: { Upgraded: 'Upgraded', Unchanged: 'Unchanged', Downgraded: 'Downgraded', New: 'Newly lagging', NotGraded: 'Not graded this year' },
      rectifications: {
        title: 'Rectification', open: 'Flag for rectification', organization: 'Organization', responsible: 'Responsible person', flaggedOn: 'Flagged on', dueOn: 'Due on',
        daysOverdue: '{{count}} days overdue', overdue: 'Overdue', status: { Open: 'Open', Closed: 'Closed' }, includeDescendants: 'Include child organizations',
        overdueOnly: 'Overdue only', reasons: 'Reasons', reasonsHint: 'Type a reason and press Enter', plan: 'Plan', closureNote: 'Closure note', notes: 'Progress',
        noNotes: 'No progress noted yet', addNote: 'Note progress', close: 'Close', notedOn: 'Date', noteContent: 'Progress', closedOn: 'Closed on',
      },
      pairings: {
        create: 'New pairing', kind: 'Kind', kinds: { Contracting: 'Contracting (包联)', Partnership: 'Partnership (结对共建)' }, activeOnly: 'Active only',
        organization: 'Organization', partner: 'Partner', startsOn: 'Starts on', endsOn: 'Ends on', notes: 'Notes', active: 'Active', ended: 'Ended',
      },
      warnings: {
        code: 'Warning', codes: { TermOverdue: 'Term overdue', TermEndingSoon: 'Term ending soon', TooFewFullMembers: 'Too few full members', CommitteeRequired: 'Committee required' },
        message: 'Details', dueOn: 'Date', rule: 'Rule',
      },
      coalitions: { title: 'Coalitions', create: 'New coalition', search: 'Search by name', members: 'Member organizations' },
    },
  },
} as const;
