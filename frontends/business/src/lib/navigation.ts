import type { NavSection } from '@hexfleet/ui';

/**
 * The business app's navigation: each entry names the module it reads and who may use it (the
 * services' own @Roles); `visibleNavigation` keeps what the signed-in person may open.
 * Modules whose pages are not built yet have no entry (NOTES.md).
 */
export const SECTIONS: readonly NavSection[] = [
  {
    label: 'People',
    items: [
      { href: '/hrms/employees', label: 'Employee directory', module: 'hrms' },
      { href: '/hrms/employees/new', label: 'Hire an employee', module: 'hrms', roles: ['hr'] },
    ],
  },
  {
    label: 'Leave',
    items: [
      { href: '/hrms/leave', label: 'Leave', module: 'hrms' },
      { href: '/hrms/leave/queue', label: 'Approval queue', module: 'hrms', roles: ['manager', 'hr'] },
      { href: '/hrms/leave/setup', label: 'Leave setup', module: 'hrms', roles: ['hr'] },
    ],
  },
  {
    label: 'Payroll',
    items: [{ href: '/payroll/salaries', label: 'Salaries', module: 'payroll', roles: ['payroll-admin', 'hr'] }],
  },
];

export const APP_NAME = 'Hexfleet Business';
