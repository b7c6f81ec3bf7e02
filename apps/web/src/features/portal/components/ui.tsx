import type { ReactNode } from 'react';
import './portal.css';

/** Light building blocks for the phone-first portal, which must stay small on a first load. */
export function Panel({
  title,
  extra,
  children,
  testId,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className="portal-panel" data-testid={testId}>
      {title || extra ? (
        <header>
          {title ? <h2>{title}</h2> : <span />}
          {extra}
        </header>
      ) : null}
      {children}
    </section>
  );
}

export function Facts({ items }: { items: { key: string; label: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="portal-facts">
      {items.map((i) => (
        <div key={i.key} style={{ display: 'contents' }}>
          <dt>{i.label}</dt>
          <dd>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
