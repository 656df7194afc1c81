import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Form, Input } from 'antd';
import { vi } from 'vitest';
import { FormModal } from '@/components/form-modal';
import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/test/render';

function renderForm(
  onSubmit: (values: { name: string; shortName?: string }) => Promise<void>,
  onReload = vi.fn(),
  onClose = vi.fn(),
) {
  renderWithProviders(
    <FormModal<{ name: string; shortName?: string }>
      title="编辑"
      fields={['name', 'shortName']}
      initialValues={{ name: '某党支部' }}
      onSubmit={onSubmit}
      onReload={onReload}
      onClose={onClose}
    >
      <Form.Item label="名称" name="name">
        <Input />
      </Form.Item>
      <Form.Item label="简称" name="shortName">
        <Input />
      </Form.Item>
    </FormModal>,
  );
  return { onReload, onClose };
}

const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

describe('FormModal', () => {
  it('puts each 400 message on its field, focuses the first, and shows the rest above the form', async () => {
    renderForm(() =>
      Promise.reject(
        new ApiError(400, {
          status: 400,
          errors: { shortName: ['简称不能超过 50 个字。'], 'other.thing': ['别处的问题'] },
        }),
      ),
    );
    save();
    expect(await screen.findByText('简称不能超过 50 个字。')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('别处的问题');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('简称')));
  });

  it("clears a field's server message once the field changes, and leaves the others", async () => {
    renderForm(() =>
      Promise.reject(
        new ApiError(400, { status: 400, errors: { name: ['名称已被使用。'], shortName: ['简称不能超过 50 个字。'] } }),
      ),
    );
    save();
    expect(await screen.findByText('名称已被使用。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('名称'), { target: { value: '另一个党支部' } });
    await waitFor(() => expect(screen.queryByText('名称已被使用。')).toBeNull());
    expect(screen.getByText('简称不能超过 50 个字。')).toBeTruthy();
  });

  it('puts a 409 that names one of its fields on that field, and one that names none above the form', async () => {
    let attempt = 0;
    renderForm(() => {
      attempt++;
      return Promise.reject(
        attempt === 1
          ? new ApiError(409, {
              status: 409,
              code: 'conversion_too_early',
              detail: '预备期满方可转正，最早 2026-03-01。',
              field: 'shortName',
              earliestOn: '2026-03-01',
            })
          : new ApiError(409, { status: 409, code: 'grading_exists', detail: '该年度已定级。', field: 'elsewhere' }),
      );
    });
    save();
    const onField = await screen.findByText('预备期满方可转正，最早 2026-03-01。');
    expect(onField.closest('.ant-form-item')?.textContent).toContain('简称');
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('简称')));
    save();
    expect((await screen.findByRole('alert')).textContent).toContain('该年度已定级。');
  });

  it('says a 412 means someone else changed it, and offers a reload', async () => {
    const { onReload, onClose } = renderForm(() => Promise.reject(new ApiError(412, { status: 412 })));
    save();
    expect(await screen.findByText('数据已被他人修改，请刷新后重试。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /刷\s*新/ }));
    expect(onReload).toHaveBeenCalled();
    expect(onClose).toHaveBeenCalled();
  });

  it('sends empty inputs as null and closes after success', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    const { onClose } = renderForm(onSubmit);
    fireEvent.change(screen.getByLabelText('简称'), { target: { value: '' } });
    save();
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({ name: '某党支部', shortName: null });
  });
});

describe('FormModal with list fields', () => {
  it('puts an error on a list item ("reasons[0]") on the list’s field, and clears it on the next try', async () => {
    let attempt = 0;
    renderWithProviders(
      <FormModal<{ reasons: string }>
        title="整顿"
        fields={['reasons']}
        onSubmit={() => {
          attempt++;
          return attempt === 1
            ? Promise.reject(new ApiError(400, { status: 400, errors: { 'reasons[0]': ['每条情形不超过 200 字。'] } }))
            : Promise.reject(new ApiError(409, { status: 409, detail: '已在整顿中。' }));
        }}
        onClose={vi.fn()}
      >
        <Form.Item label="情形" name="reasons">
          <Input />
        </Form.Item>
      </FormModal>,
    );
    save();
    expect(await screen.findByText('每条情形不超过 200 字。')).toBeTruthy();
    expect(document.querySelector('.ant-form-item-has-error')).not.toBeNull();
    save();
    expect(await screen.findByText('已在整顿中。')).toBeTruthy();
    // The message itself fades out (an animation jsdom never finishes); the field's error state goes at once.
    await waitFor(() => expect(document.querySelector('.ant-form-item-has-error')).toBeNull());
  });
});
