import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Image, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { keepPhoto } from '../offline/queue.ts';

/** Takes one photo (the phone's camera), keeps it on the phone and gives back its sha-256. */
export function PhotoInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value?: string;
  onChange?: (sha?: string) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string | null>(null);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);
  useEffect(() => {
    if (!value) setPreview(null);
  }, [value]);
  return (
    <Space>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        style={{ display: 'none' }}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file) return;
          onChange?.(await keepPhoto(file));
          setPreview(URL.createObjectURL(file));
          e.target.value = '';
        }}
      />
      {preview ? (
        <Image
          src={preview}
          width={72}
          height={72}
          style={{ objectFit: 'cover' }}
          alt={t('fieldApp.photo')}
        />
      ) : null}
      <Button icon={<CameraOutlined />} onClick={() => input.current?.click()}>
        {preview ? t('fieldApp.photo.retake') : t('fieldApp.photo.take')}
      </Button>
      {preview ? (
        <Button
          icon={<DeleteOutlined />}
          aria-label={t('fieldApp.photo.remove')}
          onClick={() => onChange?.(undefined)}
        />
      ) : null}
    </Space>
  );
}
