import { hidingRulesOnly } from './setup';

describe('the test style sheets', () => {
  it('keep only the rules that hide, so role queries stay fast and still skip hidden elements', () => {
    const css =
      ':where(.css-x).ant-btn{color:red;display:inline-flex}' +
      '.ant-tabs-tabpane-hidden{display: none}' +
      '@media (max-width: 575px){.ant-col-xs-0{display:none}}' +
      '@keyframes fade{from{opacity:0}to{opacity:1}}' +
      '.ant-tooltip-hidden{visibility:hidden}';
    expect(hidingRulesOnly(css)).toBe(
      '.ant-tabs-tabpane-hidden{display: none}\n.ant-tooltip-hidden{visibility:hidden}',
    );
  });

  it('read back what Ant Design wrote, so it does not rewrite its styles on every render', () => {
    const style = document.createElement('style');
    style.innerHTML = '.a{color:red}.b{display:none}';
    expect(style.innerHTML).toBe('.a{color:red}.b{display:none}');
    document.head.appendChild(style);
    expect(Array.from(style.sheet!.cssRules).map((rule) => rule.cssText)).toEqual(['.b {display: none;}']);
    style.remove();
  });
});
