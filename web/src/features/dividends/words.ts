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
    },
  },
  en: {
    dividends: {
      menu: 'Collective economy',
      collectives: 'Collectives',
      title: 'Collective economic organizations',
    },
  },
} as const;
