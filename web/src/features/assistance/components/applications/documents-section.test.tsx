import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { DocumentsSection } from '@/features/assistance/components/applications/documents-section';
import type { Application } from '@/features/assistance/api/applications';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const manager = {
  id: 'u1',
  username: 'fund',
  displayName: '吴秀兰',
  kind: 'User',
  roles: ['FundManager'],
  permissions: ['funds.read', 'funds.write'],
};
const application = { id: 'a1', status: 'Submitted', version: 3 } as Application;
const listed = {
  id: 'd1',
  applicationId: 'a1',
  fileName: '张**.pdf',
  contentType: 'application/pdf',
  size: 2 * 1024 * 1024,
  uploadedByName: '吴秀兰',
  uploadedAt: '2026-05-01T02:00:00Z',
};

function choose(file: File) {
  const input = document.querySelector('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [file] } });
}

describe('DocumentsSection', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists masked names, refuses a wrong kind before sending and shows the server refusal of an upload', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => manager,
      'GET /api/v1/assistance/applications/a1/documents': () => [listed],
      'POST /api/v1/assistance/applications/a1/documents': () =>
        json(
          {
            status: 409,
            title: '业务规则不允许',
            code: 'too_many_documents',
            detail: '每份申请最多上传 20 份证明材料。',
            field: 'file',
          },
          409,
        ),
    });
    renderWithProviders(<DocumentsSection application={application} />);
    await screen.findByText('张**.pdf');
    expect(screen.getByText(/^2\.0 MB · 吴秀兰 · 2026-05-01 \d\d:00$/)).toBeTruthy();
    await screen.findByRole('button', { name: '上传证明材料' });

    choose(new File(['MZ'], '病历.exe'));
    expect((await screen.findByRole('alert')).textContent).toContain('只能上传 PDF、JPG 或 PNG 文件');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    choose(new File(['%PDF-1.4'], '诊断证明.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('每份申请最多上传 20 份证明材料'));
    const upload = requests.find((r) => r.method === 'POST')!;
    expect(upload.headers.get('If-Match')).toBe('"3"');
    expect(upload.headers.get('Idempotency-Key')).toBeTruthy();
    expect(screen.queryByText('too_many_documents')).toBeNull();
  }, 60_000);

  it('downloads only with a reason, showing the refusal of a short one on its field', async () => {
    const createObjectURL = vi.fn(() => 'blob:doc');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const saved: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const reasons: unknown[] = [];
    mockApi({
      'GET /api/v1/auth/me': () => ({ ...manager, permissions: ['funds.read'] }),
      'GET /api/v1/assistance/applications/a1/documents': () => [listed],
      'POST /api/v1/assistance/applications/a1/documents/d1/download': async (request) => {
        const body = (await request.json()) as { reason: string };
        reasons.push(body.reason);
        return body.reason.length < 5
          ? json({ status: 400, title: '输入有误', errors: { reason: ['下载事由至少 5 个字。'] } }, 400)
          : new Response('%PDF-1.4', {
              headers: {
                'Content-Type': 'application/pdf',
                'Content-Disposition': "attachment; filename*=UTF-8''%E5%BC%A0%E4%B8%89.pdf",
              },
            });
      },
    });
    renderWithProviders(<DocumentsSection application={{ ...application, status: 'Paid' }} />);
    await screen.findByText('张**.pdf');
    expect(screen.queryByRole('button', { name: '上传证明材料' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '下载' }));
    const modal = await screen.findByRole('dialog');
    expect(within(modal).getByText(/下载将记录您的姓名、时间和事由/)).toBeTruthy();
    fireEvent.change(within(modal).getByLabelText('下载事由'), { target: { value: '核对' } });
    fireEvent.click(within(modal).getByRole('button', { name: '下载' }));
    expect(await within(modal).findByText('下载事由至少 5 个字。')).toBeTruthy();
    expect(createObjectURL).not.toHaveBeenCalled();

    fireEvent.change(within(modal).getByLabelText('下载事由'), { target: { value: '核对住院证明真实性' } });
    fireEvent.click(within(modal).getByRole('button', { name: '下载' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    expect(reasons).toEqual(['核对', '核对住院证明真实性']);
    expect(saved).toEqual(['张三.pdf']);
    click.mockRestore();
  }, 60_000);
});
