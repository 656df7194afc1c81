/** The Volunteering module's words for demands (群众点单) and the module's menu; each area keeps its own file. */
export const volunteeringWords = {
  zh: {
    volunteering: {
      menu: '志愿服务',
      demandsMenu: '群众点单',
      demands: {
        title: '群众点单',
      },
    },
  },
  en: {
    volunteering: {
      menu: 'Volunteering',
      demandsMenu: 'Residents’ demands',
      demands: {
        title: 'Residents’ demands',
      },
    },
  },
} as const;
