import type { ReactNode } from 'react';
import { href, onLinkClick } from '../router';

/** An in-app link: a real <a href>, followed without reloading the app. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a href={href(to)} onClick={onLinkClick(to)} className={className}>
      {children}
    </a>
  );
}
