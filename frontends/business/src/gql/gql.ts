/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query LeaveTypes {\n    leaveTypes {\n      leaveTypeId\n      name\n      unpaid\n    }\n  }\n": typeof types.LeaveTypesDocument,
    "\n  query LeaveBalances($year: Int, $employeeId: ID) {\n    leaveBalances(year: $year, employeeId: $employeeId) {\n      allocationId\n      employeeId\n      employee {\n        firstName\n        lastName\n      }\n      leaveType\n      year\n      totalDays\n      usedDays\n      availableDays\n    }\n  }\n": typeof types.LeaveBalancesDocument,
    "\n  query LeaveRequests($filter: LeaveRequestFilter, $limit: Int, $offset: Int) {\n    leaveRequests(filter: $filter, limit: $limit, offset: $offset) {\n      items {\n        leaveRequestId\n        employeeId\n        employee {\n          firstName\n          lastName\n        }\n        fromDate\n        toDate\n        totalDays\n        reason\n        status\n        unpaid\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n": typeof types.LeaveRequestsDocument,
    "\n  query ActiveEmployees {\n    employees(filter: { status: \"active\" }, limit: 200) {\n      items {\n        employeeId\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.ActiveEmployeesDocument,
    "\n  mutation ApplyForLeave($input: ApplyForLeaveInput!) {\n    applyForLeave(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n": typeof types.ApplyForLeaveDocument,
    "\n  mutation DecideLeave($id: ID!, $approve: Boolean!, $reason: String) {\n    approveLeaveRequest(id: $id) @include(if: $approve) {\n      accepted\n      consistencyToken\n    }\n    rejectLeaveRequest(id: $id, reason: $reason) @skip(if: $approve) {\n      accepted\n      consistencyToken\n    }\n  }\n": typeof types.DecideLeaveDocument,
    "\n  mutation DefineLeaveType($input: DefineLeaveTypeInput!) {\n    defineLeaveType(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n": typeof types.DefineLeaveTypeDocument,
    "\n  mutation AllocateLeave($input: AllocateLeaveInput!) {\n    allocateLeave(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n": typeof types.AllocateLeaveDocument,
    "\n  query BusinessMe {\n    me {\n      userId\n      displayName\n      roles\n    }\n  }\n": typeof types.BusinessMeDocument,
    "\n  fragment EmployeeSummary on Employee {\n    employeeId\n    firstName\n    lastName\n    workEmail\n    department\n    designation\n    status\n  }\n": typeof types.EmployeeSummaryFragmentDoc,
    "\n  query Employees($filter: EmployeeFilter, $limit: Int, $offset: Int) {\n    employees(filter: $filter, limit: $limit, offset: $offset) {\n      items {\n        ...EmployeeSummary\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n": typeof types.EmployeesDocument,
    "\n  query Employee($id: ID!) {\n    employee(id: $id) {\n      ...EmployeeSummary\n      employmentType\n      joiningDate\n      relievingDate\n      manager {\n        employeeId\n        firstName\n        lastName\n      }\n    }\n  }\n": typeof types.EmployeeDocument,
    "\n  mutation HireEmployee($input: HireEmployeeInput!) {\n    hireEmployee(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n": typeof types.HireEmployeeDocument,
    "\n  query PayrollEmployees($limit: Int, $offset: Int) {\n    payrollEmployees(limit: $limit, offset: $offset) {\n      items {\n        employeeId\n        firstName\n        lastName\n        department\n        designation\n        joiningDate\n        baseMinor\n        currency\n        structureId\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n": typeof types.PayrollEmployeesDocument,
};
const documents: Documents = {
    "\n  query LeaveTypes {\n    leaveTypes {\n      leaveTypeId\n      name\n      unpaid\n    }\n  }\n": types.LeaveTypesDocument,
    "\n  query LeaveBalances($year: Int, $employeeId: ID) {\n    leaveBalances(year: $year, employeeId: $employeeId) {\n      allocationId\n      employeeId\n      employee {\n        firstName\n        lastName\n      }\n      leaveType\n      year\n      totalDays\n      usedDays\n      availableDays\n    }\n  }\n": types.LeaveBalancesDocument,
    "\n  query LeaveRequests($filter: LeaveRequestFilter, $limit: Int, $offset: Int) {\n    leaveRequests(filter: $filter, limit: $limit, offset: $offset) {\n      items {\n        leaveRequestId\n        employeeId\n        employee {\n          firstName\n          lastName\n        }\n        fromDate\n        toDate\n        totalDays\n        reason\n        status\n        unpaid\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n": types.LeaveRequestsDocument,
    "\n  query ActiveEmployees {\n    employees(filter: { status: \"active\" }, limit: 200) {\n      items {\n        employeeId\n        firstName\n        lastName\n      }\n    }\n  }\n": types.ActiveEmployeesDocument,
    "\n  mutation ApplyForLeave($input: ApplyForLeaveInput!) {\n    applyForLeave(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n": types.ApplyForLeaveDocument,
    "\n  mutation DecideLeave($id: ID!, $approve: Boolean!, $reason: String) {\n    approveLeaveRequest(id: $id) @include(if: $approve) {\n      accepted\n      consistencyToken\n    }\n    rejectLeaveRequest(id: $id, reason: $reason) @skip(if: $approve) {\n      accepted\n      consistencyToken\n    }\n  }\n": types.DecideLeaveDocument,
    "\n  mutation DefineLeaveType($input: DefineLeaveTypeInput!) {\n    defineLeaveType(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n": types.DefineLeaveTypeDocument,
    "\n  mutation AllocateLeave($input: AllocateLeaveInput!) {\n    allocateLeave(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n": types.AllocateLeaveDocument,
    "\n  query BusinessMe {\n    me {\n      userId\n      displayName\n      roles\n    }\n  }\n": types.BusinessMeDocument,
    "\n  fragment EmployeeSummary on Employee {\n    employeeId\n    firstName\n    lastName\n    workEmail\n    department\n    designation\n    status\n  }\n": types.EmployeeSummaryFragmentDoc,
    "\n  query Employees($filter: EmployeeFilter, $limit: Int, $offset: Int) {\n    employees(filter: $filter, limit: $limit, offset: $offset) {\n      items {\n        ...EmployeeSummary\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n": types.EmployeesDocument,
    "\n  query Employee($id: ID!) {\n    employee(id: $id) {\n      ...EmployeeSummary\n      employmentType\n      joiningDate\n      relievingDate\n      manager {\n        employeeId\n        firstName\n        lastName\n      }\n    }\n  }\n": types.EmployeeDocument,
    "\n  mutation HireEmployee($input: HireEmployeeInput!) {\n    hireEmployee(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n": types.HireEmployeeDocument,
    "\n  query PayrollEmployees($limit: Int, $offset: Int) {\n    payrollEmployees(limit: $limit, offset: $offset) {\n      items {\n        employeeId\n        firstName\n        lastName\n        department\n        designation\n        joiningDate\n        baseMinor\n        currency\n        structureId\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n": types.PayrollEmployeesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaveTypes {\n    leaveTypes {\n      leaveTypeId\n      name\n      unpaid\n    }\n  }\n"): (typeof documents)["\n  query LeaveTypes {\n    leaveTypes {\n      leaveTypeId\n      name\n      unpaid\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaveBalances($year: Int, $employeeId: ID) {\n    leaveBalances(year: $year, employeeId: $employeeId) {\n      allocationId\n      employeeId\n      employee {\n        firstName\n        lastName\n      }\n      leaveType\n      year\n      totalDays\n      usedDays\n      availableDays\n    }\n  }\n"): (typeof documents)["\n  query LeaveBalances($year: Int, $employeeId: ID) {\n    leaveBalances(year: $year, employeeId: $employeeId) {\n      allocationId\n      employeeId\n      employee {\n        firstName\n        lastName\n      }\n      leaveType\n      year\n      totalDays\n      usedDays\n      availableDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaveRequests($filter: LeaveRequestFilter, $limit: Int, $offset: Int) {\n    leaveRequests(filter: $filter, limit: $limit, offset: $offset) {\n      items {\n        leaveRequestId\n        employeeId\n        employee {\n          firstName\n          lastName\n        }\n        fromDate\n        toDate\n        totalDays\n        reason\n        status\n        unpaid\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n"): (typeof documents)["\n  query LeaveRequests($filter: LeaveRequestFilter, $limit: Int, $offset: Int) {\n    leaveRequests(filter: $filter, limit: $limit, offset: $offset) {\n      items {\n        leaveRequestId\n        employeeId\n        employee {\n          firstName\n          lastName\n        }\n        fromDate\n        toDate\n        totalDays\n        reason\n        status\n        unpaid\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveEmployees {\n    employees(filter: { status: \"active\" }, limit: 200) {\n      items {\n        employeeId\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActiveEmployees {\n    employees(filter: { status: \"active\" }, limit: 200) {\n      items {\n        employeeId\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyForLeave($input: ApplyForLeaveInput!) {\n    applyForLeave(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n"): (typeof documents)["\n  mutation ApplyForLeave($input: ApplyForLeaveInput!) {\n    applyForLeave(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideLeave($id: ID!, $approve: Boolean!, $reason: String) {\n    approveLeaveRequest(id: $id) @include(if: $approve) {\n      accepted\n      consistencyToken\n    }\n    rejectLeaveRequest(id: $id, reason: $reason) @skip(if: $approve) {\n      accepted\n      consistencyToken\n    }\n  }\n"): (typeof documents)["\n  mutation DecideLeave($id: ID!, $approve: Boolean!, $reason: String) {\n    approveLeaveRequest(id: $id) @include(if: $approve) {\n      accepted\n      consistencyToken\n    }\n    rejectLeaveRequest(id: $id, reason: $reason) @skip(if: $approve) {\n      accepted\n      consistencyToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DefineLeaveType($input: DefineLeaveTypeInput!) {\n    defineLeaveType(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n"): (typeof documents)["\n  mutation DefineLeaveType($input: DefineLeaveTypeInput!) {\n    defineLeaveType(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AllocateLeave($input: AllocateLeaveInput!) {\n    allocateLeave(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n"): (typeof documents)["\n  mutation AllocateLeave($input: AllocateLeaveInput!) {\n    allocateLeave(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BusinessMe {\n    me {\n      userId\n      displayName\n      roles\n    }\n  }\n"): (typeof documents)["\n  query BusinessMe {\n    me {\n      userId\n      displayName\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EmployeeSummary on Employee {\n    employeeId\n    firstName\n    lastName\n    workEmail\n    department\n    designation\n    status\n  }\n"): (typeof documents)["\n  fragment EmployeeSummary on Employee {\n    employeeId\n    firstName\n    lastName\n    workEmail\n    department\n    designation\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Employees($filter: EmployeeFilter, $limit: Int, $offset: Int) {\n    employees(filter: $filter, limit: $limit, offset: $offset) {\n      items {\n        ...EmployeeSummary\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n"): (typeof documents)["\n  query Employees($filter: EmployeeFilter, $limit: Int, $offset: Int) {\n    employees(filter: $filter, limit: $limit, offset: $offset) {\n      items {\n        ...EmployeeSummary\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Employee($id: ID!) {\n    employee(id: $id) {\n      ...EmployeeSummary\n      employmentType\n      joiningDate\n      relievingDate\n      manager {\n        employeeId\n        firstName\n        lastName\n      }\n    }\n  }\n"): (typeof documents)["\n  query Employee($id: ID!) {\n    employee(id: $id) {\n      ...EmployeeSummary\n      employmentType\n      joiningDate\n      relievingDate\n      manager {\n        employeeId\n        firstName\n        lastName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HireEmployee($input: HireEmployeeInput!) {\n    hireEmployee(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n"): (typeof documents)["\n  mutation HireEmployee($input: HireEmployeeInput!) {\n    hireEmployee(input: $input) {\n      id\n      consistencyToken\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PayrollEmployees($limit: Int, $offset: Int) {\n    payrollEmployees(limit: $limit, offset: $offset) {\n      items {\n        employeeId\n        firstName\n        lastName\n        department\n        designation\n        joiningDate\n        baseMinor\n        currency\n        structureId\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n"): (typeof documents)["\n  query PayrollEmployees($limit: Int, $offset: Int) {\n    payrollEmployees(limit: $limit, offset: $offset) {\n      items {\n        employeeId\n        firstName\n        lastName\n        department\n        designation\n        joiningDate\n        baseMinor\n        currency\n        structureId\n      }\n      limit\n      offset\n      hasMore\n      total\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;