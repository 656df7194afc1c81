import { resources } from '@/lib/i18n/resources';

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' ? keys(child as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('translations', () => {
  it('have every Chinese key in English and no English key without Chinese', () => {
    expect(keys(resources['en-US'].translation).sort()).toEqual(keys(resources['zh-CN'].translation).sort());
  });
});
