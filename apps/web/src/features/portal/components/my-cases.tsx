import { RightOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { StatusTag } from '../../../components/tags.tsx';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useMyCases } from '../api/portal-api.ts';
import { Panel } from './ui.tsx';

interface Props {
  onOpen: (id: string) => void;
  onSignOut: () => void;
  onSubmit: () => void;
}

export function MyCases({ onOpen, onSignOut, onSubmit }: Props) {
  const { t, te, dateTime } = useI18n();
  const errorText = useErrorText();
  const mine = useMyCases(true);
  const items = mine.data?.items ?? [];
  return (
    <Panel
      title={t('portal.mine')}
      testId="my-cases"
      extra={
        <Button type="link" onClick={onSignOut}>
          {t('portal.mine.signOut')}
        </Button>
      }
    >
      {mine.isLoading ? <p className="portal-muted">{t('common.loading')}</p> : null}
      {mine.error ? <Alert type="error" showIcon title={errorText(mine.error)} /> : null}
      {!mine.isLoading && !mine.error && items.length === 0 ? (
        <Flex vertical align="center" gap={12} style={{ padding: 24 }}>
          <p className="portal-muted">{t('portal.mine.empty')}</p>
          <Button type="primary" onClick={onSubmit}>
            {t('portal.submit')}
          </Button>
        </Flex>
      ) : null}
      <Flex vertical gap={8}>
        {items.map((c) => (
          <Button
            key={c.id}
            block
            onClick={() => onOpen(c.id)}
            style={{ height: 'auto', padding: 12, textAlign: 'left', whiteSpace: 'normal' }}
            data-case-id={c.id}
          >
            <span className="portal-case-row">
              <span className="text">
                <span>
                  <strong className="tracking-code" style={{ marginRight: 8 }}>
                    {c.trackingCode}
                  </strong>
                  <StatusTag status={c.status} />
                </span>
                <span className="desc">{c.description}</span>
                <span className="portal-muted">
                  {te('kind', c.kind)} · {c.categoryName} · {dateTime(c.createdAt)}
                </span>
              </span>
              <RightOutlined aria-hidden />
            </span>
          </Button>
        ))}
      </Flex>
    </Panel>
  );
}
