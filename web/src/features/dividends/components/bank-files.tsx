import { Alert, Button, Form, Input, Modal, Radio, Space, Table, Tag, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/form-modal';
import {
  downloadBankFile,
  importBankResult,
  type BankResultOutcome,
  type BankResultReport,
} from '@/features/dividends/api/payouts';
import { planKey, type Plan } from '@/features/dividends/api/plans';
import { formatYuan } from '@/features/dividends/money';
import { useCan } from '@/lib/auth';
import type { SpreadsheetFormat } from '@/lib/download';
import { ApiError } from '@/lib/problem';

const outcomeColor: Record<BankResultOutcome, string> = {
  Paid: 'green',
  Failed: 'red',
  Unchanged: 'default',
  AmountMismatch: 'orange',
  Unknown: 'orange',
  Invalid: 'orange',
};

/**
 * The bank's side of an approved plan's payouts: the 一卡通 batch file (full ID numbers and accounts, so only for
 * dividends.reveal-pii and with an audited reason, as the members' full export asks) and the bank's result file,
 * applied line by line with the server's report per line.
 */
export function BankFileButtons({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const canReveal = useCan('dividends.reveal-pii');
  const canWrite = useCan('dividends.write');
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  if (plan.stage !== 'Approved' || (!canReveal && !canWrite)) {
    return null;
  }
  return (
    <>
      {canReveal && <Button onClick={() => setExporting(true)}>{t('dividendPayouts.bankFile')}</Button>}
      {canWrite && <Button onClick={() => setImporting(true)}>{t('dividendPayouts.bankResult')}</Button>}
      {exporting && (
        <FormModal<{ reason?: string; format: SpreadsheetFormat }>
          title={t('dividendPayouts.bankFileTitle')}
          fields={['reason', 'format']}
          initialValues={{ format: 'Xlsx' }}
          okText={t('dividendPayouts.bankFileSubmit')}
          onSubmit={({ reason, format }) => downloadBankFile(plan.id, reason ?? '', format)}
          onClose={() => setExporting(false)}
        >
          <Alert type="warning" showIcon title={t('dividendPayouts.bankFileAudited')} style={{ marginBottom: 12 }} />
          <Form.Item
            label={t('dividendPayouts.bankFileReason')}
            name="reason"
            required
            extra={t('dividendPayouts.bankFileReasonHelp')}
          >
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
          <Form.Item label={t('dividendPayouts.bankFileFormat')} name="format" required>
            <Radio.Group
              options={[
                { value: 'Xlsx', label: 'Excel (.xlsx)' },
                { value: 'Csv', label: 'CSV' },
              ]}
            />
          </Form.Item>
        </FormModal>
      )}
      {importing && <BankResultModal planId={plan.id} onClose={() => setImporting(false)} />}
    </>
  );
}

function BankResultModal({ planId, onClose }: { planId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // One key per chosen file: pressing 导入 again after a lost answer applies the same file once.
  const [chosen, setChosen] = useState<{ file: File; key: string }>();
  const [report, setReport] = useState<BankResultReport>();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function upload() {
    if (!chosen) {
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      setReport(await importBankResult(planId, chosen.file, chosen.key));
      await client.invalidateQueries({ queryKey: planKey(planId) });
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('errors.generic'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      width={760}
      title={t('dividendPayouts.bankResultTitle')}
      onCancel={onClose}
      footer={
        report ? (
          <Button type="primary" onClick={onClose}>
            {t('dividendPayouts.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('form.cancel')}</Button>
            <Button type="primary" disabled={!chosen} loading={busy} onClick={() => void upload()}>
              {t('dividendPayouts.upload')}
            </Button>
          </Space>
        )
      }
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('dividendPayouts.bankResultHelp')} />
        {!report && (
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(file) => {
              setChosen({ file, key: crypto.randomUUID() });
              setFailure(undefined);
              return false;
            }}
            onRemove={() => setChosen(undefined)}
            fileList={chosen ? [{ uid: 'file', name: chosen.file.name, status: 'done' }] : []}
          >
            <Button>{t('dividendPayouts.chooseFile')}</Button>
          </Upload>
        )}
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {report && <BankResultTable report={report} />}
      </Space>
    </Modal>
  );
}

function BankResultTable({ report }: { report: BankResultReport }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('dividendPayouts.reportTitle')}>
      <Alert
        type={report.unknown + report.invalid > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        title={t('dividendPayouts.reportSummary', {
          rows: report.rows,
          paid: report.paid,
          total: formatYuan(report.paidTotal),
          failed: report.failed,
          unchanged: report.unchanged,
          unknown: report.unknown,
          invalid: report.invalid,
        })}
      />
      <Table
        rowKey="row"
        size="small"
        dataSource={report.lines}
        scroll={{ x: 560 }}
        pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('dividendPayouts.row'), dataIndex: 'row', width: 64 },
          { title: t('dividendPayouts.payee'), dataIndex: 'name', render: (name: string | null) => name ?? '—' },
          {
            title: t('dividendPayouts.outcome'),
            dataIndex: 'outcome',
            render: (outcome: BankResultOutcome) => (
              <Tag color={outcomeColor[outcome]}>{t(`dividendPayouts.outcomes.${outcome}`)}</Tag>
            ),
          },
          { title: t('dividendPayouts.message'), dataIndex: 'message' },
        ]}
      />
    </section>
  );
}
