import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';

/** The API's calendar-day format; the field shows and accepts the same, whatever the machine's locale. */
export const dateFormat = 'YYYY-MM-DD';

interface Props {
  id?: string;
  /** yyyy-MM-dd, as the API sends and takes it. */
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  disabled?: boolean;
  placeholder?: string;
  'aria-label'?: string;
  /** Days the picker offers are at most this one (yyyy-MM-dd), e.g. today for a date that cannot be in the future. */
  max?: string;
}

/**
 * A calendar day for forms: Ant Design's picker in the user's language (年/月 panels open from the header, a decade
 * panel from the year, so a birth or join date decades back is three clicks), typed as 2024-05-01 too.
 */
export function DateField({ id, value, onChange, disabled, placeholder, max, ...rest }: Props) {
  const { i18n } = useTranslation();
  const parsed = value ? dayjs(value, dateFormat, true) : null;
  return (
    <DatePicker
      id={id}
      aria-label={rest['aria-label']}
      format={dateFormat}
      value={parsed?.isValid() ? parsed.locale(i18n.language === 'en-US' ? 'en' : 'zh-cn') : null}
      onChange={(day: Dayjs | null) => onChange?.(day ? day.format(dateFormat) : undefined)}
      disabled={disabled}
      placeholder={placeholder}
      maxDate={max ? dayjs(max, dateFormat) : undefined}
      style={{ width: '100%', maxWidth: 220 }}
    />
  );
}
