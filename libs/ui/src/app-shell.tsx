'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { isCurrent, visibleNavigation } from './navigation';
import type { NavSection } from './navigation';

/**
 * The page frame of a signed-in person: a skip link, the app's name, navigation by role and by
 * what is deployed, who is signed in and a sign-out button, and the page in <main>.
 */
export function AppShell({
  appName,
  sections,
  roles,
  deployed,
  person,
  onSignOut,
  children,
}: {
  appName: string;
  sections: readonly NavSection[];
  roles: readonly string[];
  deployed?: ReadonlySet<string>;
  person?: string;
  onSignOut: () => void;
  children: ReactNode;
}) {
  const pathname = usePathname() ?? '/';
  const visible = visibleNavigation(sections, roles, deployed);
  return (
    <div className="hx-shell">
      <a className="hx-skip" href="#main">
        Skip to content
      </a>
      <header className="hx-topbar">
        <Link href="/" className="hx-brand">
          {appName}
        </Link>
        <div className="hx-user">
          {person ? <span className="hx-person">{person}</span> : null}
          <button type="button" className="hx-button hx-button-quiet" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <div className="hx-body">
        <nav className="hx-nav" aria-label="Main">
          {visible.map((section) => (
            <div key={section.label} className="hx-nav-section">
              <p className="hx-nav-heading">{section.label}</p>
              <ul>
                {section.items.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={isCurrent(item.href, pathname) ? 'page' : undefined}>
                      {item.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <main id="main" className="hx-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
