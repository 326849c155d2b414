import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import type { views } from '@hexfleet/schemas';
import type { GqlContext } from '../common/context';
import { Fronts } from '../common/fronts';
import { PageArgs } from '../common/pages';
import { segment, withQuery } from '../common/paths';
import { Rest } from '../common/rest';
import { PaymentDays, PayrollEmployee, PayrollEmployeePage } from './payroll.types';

const employeePath = (id: string, rest = '') => `/employees/${segment(id)}${rest}`;

/** Who payroll pays (roles payroll-admin and hr), as HRMS told it through Kafka. */
@Resolver(() => PayrollEmployee)
export class PayrollEmployeesResolver {
  constructor(private readonly rest: Rest) {}

  @Query(() => PayrollEmployeePage, { description: 'Everyone payroll pays, by last and first name.' })
  @Fronts('payroll', 'GET /employees')
  payrollEmployees(@Context() context: GqlContext, @Args() page: PageArgs) {
    return this.rest.page<views.payroll.PayrollEmployeeView>(context, 'payroll', '/employees', page);
  }

  @Query(() => PayrollEmployee, {
    nullable: true,
    description: 'One employee as payroll knows them; null until payroll has enrolled them (or for another tenant).',
  })
  @Fronts('payroll', 'GET /employees/{id}')
  payrollEmployee(@Context() context: GqlContext, @Args('employeeId', { type: () => ID }) employeeId: string) {
    return this.rest.find<views.payroll.PayrollEmployeeView>(context, 'payroll', employeePath(employeeId));
  }

  @Query(() => PaymentDays, {
    nullable: true,
    description: 'An employee’s payment days of a month, current at once; null for an employee payroll does not know.',
  })
  @Fronts('payroll', 'GET /employees/{id}/payment-days')
  paymentDays(
    @Context() context: GqlContext,
    @Args('employeeId', { type: () => ID }) employeeId: string,
    @Args('period', { description: 'A month, YYYY-MM' }) period: string,
  ) {
    return this.rest.find<views.payroll.PaymentDaysView>(
      context,
      'payroll',
      withQuery(employeePath(employeeId, '/payment-days'), { period }),
    );
  }
}
