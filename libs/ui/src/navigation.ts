/**
 * Navigation by role and by what the deployment offers: an entry shows when the caller holds one
 * of its roles (none listed: everyone signed in) and its module is deployed (unknown: assumed).
 */
export interface NavItem {
  href: string;
  label: string;
  /** The gateway module the page reads (hrms, payroll, ...). */
  module?: string;
  /** Any of these roles; empty or absent for everyone. */
  roles?: readonly string[];
}

export interface NavSection {
  label: string;
  items: readonly NavItem[];
}

export function visibleNavigation(
  sections: readonly NavSection[],
  roles: readonly string[],
  deployed?: ReadonlySet<string>,
): NavSection[] {
  const allowed = (item: NavItem) =>
    (!item.roles?.length || item.roles.some((r) => roles.includes(r))) &&
    (!item.module || !deployed || deployed.has(item.module));
  return sections
    .map((section) => ({ ...section, items: section.items.filter(allowed) }))
    .filter((section) => section.items.length > 0);
}

/** Whether `href` is the current page or a parent of it (for aria-current). */
export const isCurrent = (href: string, pathname: string) =>
  pathname === href || (href !== '/' && pathname.startsWith(`${href}/`));
