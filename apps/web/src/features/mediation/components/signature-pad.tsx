import { Button, Flex } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';

/** A handwritten signature drawn with a finger, pen or mouse; `onChange` gets the PNG (base64) or null when cleared. */
export function SignaturePad({
  onChange,
  testId,
  height = 160,
}: {
  onChange: (pngBase64: string | null) => void;
  testId?: string;
  height?: number;
}) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = height * ratio;
    const ctx = c.getContext('2d')!;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
  }, [height]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    drawing.current = true;
    const ctx = e.currentTarget.getContext('2d')!;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d')!;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setEmpty(false);
    onChange(canvas.current!.toDataURL('image/png').replace(/^data:image\/png;base64,/, ''));
  };
  const clear = () => {
    const c = canvas.current!;
    c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
    setEmpty(true);
    onChange(null);
  };

  return (
    <Flex vertical gap={6}>
      <canvas
        ref={canvas}
        data-testid={testId}
        aria-label={t('mediation.sign.pad')}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
        style={{
          width: '100%',
          height,
          border: '1px dashed #8c8c8c',
          borderRadius: 6,
          background: '#fffef8',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
      />
      <Flex justify="space-between" align="center">
        <span style={{ color: '#8c8c8c', fontSize: 12 }}>
          {empty ? t('mediation.sign.hint') : t('mediation.sign.drawn')}
        </span>
        <Button size="small" onClick={clear} disabled={empty}>
          {t('mediation.sign.clear')}
        </Button>
      </Flex>
    </Flex>
  );
}
