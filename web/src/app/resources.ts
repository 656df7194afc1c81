/** Chinese first; every key has an English twin. */
export const resources = {
  'zh-CN': {
    translation: {
      appName: '基层党建',
      signIn: { title: '登录', username: '用户名', password: '密码', submit: '登录', failed: '登录失败' },
      layout: { organizations: '党组织', signOut: '退出登录', language: 'English', scopeAll: '全部组织' },
      organizations: {
        tree: '组织树', search: '搜索党组织', details: '详细信息', kind: '类别', field: '领域', secretary: '书记', termEndsOn: '本届任期至',
        status: '状态', children: '下级组织', choose: '请在左侧选择党组织',
      },
      errors: { forbidden: '没有权限', notFound: '未找到', conflict: '数据已被他人修改，请刷新后重试。', generic: '操作失败' },
      form: { save: '保存', cancel: '取消', name: '名称', shortName: '简称', establishedOn: '成立日期', termStartedOn: '本届任期开始', description: '说明' },
      actions: { create: '新建下级组织', edit: '编辑', move: '移动', dissolve: '撤销', dissolveConfirm: '确定撤销该党组织？撤销后不可再修改。' },
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
    },
  },
  'en-US': {
    translation: {
      appName: 'Jiceng',
      signIn: { title: 'Sign in', username: 'Username', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed' },
      layout: { organizations: 'Organizations', signOut: 'Sign out', language: '中文', scopeAll: 'All organizations' },
      organizations: {
        tree: 'Organization tree', search: 'Search organizations', details: 'Details', kind: 'Kind', field: 'Field', secretary: 'Secretary',
        termEndsOn: 'Term ends', status: 'Status', children: 'Child organizations', choose: 'Choose an organization on the left',
      },
      errors: { forbidden: 'Forbidden', notFound: 'Not found', conflict: 'Changed by someone else; reload and try again.', generic: 'Something went wrong' },
      form: { save: 'Save', cancel: 'Cancel', name: 'Name', shortName: 'Short name', establishedOn: 'Established on', termStartedOn: 'Term started on', description: 'Description' },
      actions: { create: 'New child organization', edit: 'Edit', move: 'Move', dissolve: 'Dissolve', dissolveConfirm: 'Dissolve this organization? It can no longer be changed afterwards.' },
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
    },
  },
} as const;
