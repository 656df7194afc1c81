import { ApiError, fieldErrorsFor, readProblem, toNamePath } from '@/lib/problem';

describe('problem details', () => {
  it('turns JSON field keys into form name paths', () => {
    expect(toNamePath('name')).toEqual(['name']);
    expect(toNamePath('reasons[0]')).toEqual(['reasons', 0]);
    expect(toNamePath('document.termWarningDays.value')).toEqual(['document', 'termWarningDays', 'value']);
    expect(toNamePath('memberOrganizationIds[12]')).toEqual(['memberOrganizationIds', 12]);
  });

  it('puts 400 errors on the form fields it knows and keeps the rest apart', () => {
    const error = new ApiError(400, {
      status: 400,
      title: '请求参数有误',
      errors: { name: ['不能为空'], 'reasons[1]': ['太长'], sort: ['不支持'] },
    });
    const { fields, other } = fieldErrorsFor(error, ['name', 'reasons']);
    expect(fields).toEqual([
      { name: ['name'], errors: ['不能为空'] },
      { name: ['reasons', 1], errors: ['太长'] },
    ]);
    expect(other).toEqual(['不支持']);
  });

  it('exposes the business-rule code of a 409 and its message', () => {
    const error = new ApiError(409, {
      status: 409,
      title: '不符合业务规则',
      detail: '不能移动到下级组织之下。',
      code: 'move_creates_cycle',
    });
    expect(error.code).toBe('move_creates_cycle');
    expect(error.message).toBe('不能移动到下级组织之下。');
    expect(error.fieldErrors).toEqual({});
  });

  it('reads empty and non-JSON bodies without throwing', async () => {
    expect(await readProblem(new Response(null, { status: 401, statusText: 'Unauthorized' }))).toMatchObject({
      status: 401,
    });
    expect(await readProblem(new Response('<html>bad gateway</html>', { status: 502 }))).toMatchObject({
      status: 502,
      detail: '<html>bad gateway</html>',
    });
  });
});
