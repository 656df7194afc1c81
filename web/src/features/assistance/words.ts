/** The care fund's words (党内关怀帮扶): Chinese first, every key with its English twin. */
export const assistanceWords = {
  zh: {
    assistance: {
      menu: { group: '关怀帮扶', fund: '帮扶资金' },
      fund: {
        title: '帮扶资金',
        intro: '党内关怀帮扶专项资金：每笔收支都记入台账，只增不改；余额始终等于台账合计，审批通过的金额先行预留。',
      },
    },
  },
  en: {
    assistance: {
      menu: { group: 'Party care', fund: 'Care fund' },
      fund: {
        title: 'Care fund',
        intro:
          'The party care fund: every movement is a ledger entry that is never changed; the balance is always the ' +
          'sum of the ledger, and approved amounts are held before they are paid.',
      },
    },
  },
} as const;
