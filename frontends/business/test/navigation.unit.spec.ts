import { visibleNavigation } from '@hexfleet/ui';
import { SECTIONS } from '../src/lib/navigation';

const hrefs = (roles: string[], deployed?: Set<string>) =>
  visibleNavigation(SECTIONS, roles, deployed).flatMap((section) => section.items.map((item) => item.href));

describe("the business app's navigation", () => {
  it('offers each page to the roles its service lets in', () => {
    expect(hrefs(['employee'])).toEqual(['/hrms/employees', '/hrms/leave']);
    expect(hrefs(['manager'])).toEqual(['/hrms/employees', '/hrms/leave', '/hrms/leave/queue']);
    expect(hrefs(['hr'])).toEqual([
      '/hrms/employees',
      '/hrms/employees/new',
      '/hrms/leave',
      '/hrms/leave/queue',
      '/hrms/leave/setup',
      '/payroll/salaries',
    ]);
    expect(hrefs(['payroll-admin'])).toEqual(['/hrms/employees', '/hrms/leave', '/payroll/salaries']);
  });

  it('leaves out the pages of a module the deployment lacks', () => {
    expect(hrefs(['hr'], new Set(['hrms']))).not.toContain('/payroll/salaries');
    expect(hrefs(['hr'], new Set(['payroll']))).toEqual(['/payroll/salaries']);
  });
});
