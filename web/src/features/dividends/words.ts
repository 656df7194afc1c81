/**
 * The Dividends module's words (集体经济): the menu group, the collectives and their register. Each helper of the
 * module keeps its own words in its own words-<area>.ts under its own top-level key.
 */
export const dividendsWords = {
  zh: {
    dividends: {
      menu: '集体经济',
      collectives: '集体经济组织',
      title: '集体经济组织',
      search: '搜索名称或信用代码',
      name: '名称',
      kind: '类型',
      kinds: { StockCooperative: '股份经济合作社', BranchLedCooperative: '党支部领办合作社' },
      creditCode: '统一社会信用代码',
      organization: '所属组织',
      land: '流转土地（亩）',
      management: '股权管理',
      managements: { Static: '静态管理', Dynamic: '动态管理' },
      households: '户数',
      members: '成员数',
    },
  },
  en: {
    dividends: {
      menu: 'Collective economy',
      collectives: 'Collectives',
      title: 'Collective economic organizations',
      search: 'Search by name or credit code',
      name: 'Name',
      kind: 'Kind',
      kinds: { StockCooperative: 'Stock economic cooperative', BranchLedCooperative: 'Branch-led cooperative' },
      creditCode: 'Unified social credit code',
      organization: 'Organization',
      land: 'Land transferred (mu)',
      management: 'Share management',
      managements: { Static: 'Static', Dynamic: 'Dynamic' },
      households: 'Households',
      members: 'Members',
    },
  },
} as const;
