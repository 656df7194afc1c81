/** Words of the receipt checks (回访抽查): drawing paid applications at random and recording the follow-up visit. */
export const assistanceReceiptWords = {
  zh: {
    assistanceReceipt: {
      intro:
        '按年度从已支付的帮扶中随机抽取，入户或电话回访核实款物是否足额到达本人手中。每笔只会被抽取一次；' +
        '回访须由支付经办人以外的人员进行，结果一经记录不可修改。',
      draw: '随机抽取回访对象',
      drawTitle: '随机抽取回访对象',
      drawHint: '从所选年度已支付、此前未被抽取的帮扶中随机抽取。',
      year: '年度',
      count: '抽取数量',
      drawn: '从 {{candidates}} 笔待抽帮扶中抽取了 {{count}} 笔：{{names}}',
      drawnNone: '{{year}} 年度已支付的帮扶均已抽取过，没有可抽取的了。',
      followUp: '回访结果',
      pending: '待回访',
      empty: '还没有抽取回访对象，可点击「随机抽取回访对象」。',
      record: '记录回访',
      recordTitle: '记录回访结果',
      recordHint: '请如实记录回访情况。未收到或有问题的，须写明具体情况，以便核查处理。',
      visitedOn: '回访日期',
      outcome: '回访结果',
      note: '回访情况',
      outcomes: {
        Received: '已足额收到',
        ReceivedWithIssues: '收到但有问题',
        NotReceived: '未收到',
      },
    },
  },
  en: {
    assistanceReceipt: {
      intro:
        "Draw the year's paid applications at random and visit or call the recipients to check the money or " +
        'goods reached them in full. Each is drawn once; the visit is made by someone other than the payer and ' +
        'its result cannot be changed once recorded.',
      draw: 'Draw for follow-up visits',
      drawTitle: 'Draw applications for follow-up visits',
      drawHint: "Draws at random from the year's paid applications not drawn before.",
      year: 'Year',
      count: 'How many',
      drawn: 'Drew {{count}} of {{candidates}} left to draw: {{names}}',
      drawnNone: 'Every paid application of {{year}} has been drawn already; none is left.',
      followUp: 'Follow-up',
      pending: 'To visit',
      empty: 'Nothing drawn yet: use "Draw for follow-up visits".',
      record: 'Record the follow-up',
      recordTitle: 'Record the follow-up visit',
      recordHint: 'Record what the visit found. If the money did not arrive or something was wrong, say what.',
      visitedOn: 'Visited on',
      outcome: 'Outcome',
      note: 'What was found',
      outcomes: {
        Received: 'Received in full',
        ReceivedWithIssues: 'Received, with issues',
        NotReceived: 'Not received',
      },
    },
  },
};
