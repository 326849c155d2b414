import { graphql } from '../gql';

export const LeaveTypesQuery = graphql(`
  query LeaveTypes {
    leaveTypes {
      leaveTypeId
      name
      unpaid
    }
  }
`);

export const LeaveBalancesQuery = graphql(`
  query LeaveBalances($year: Int, $employeeId: ID) {
    leaveBalances(year: $year, employeeId: $employeeId) {
      allocationId
      employeeId
      employee {
        firstName
        lastName
      }
      leaveType
      year
      totalDays
      usedDays
      availableDays
    }
  }
`);

export const LeaveRequestsQuery = graphql(`
  query LeaveRequests($filter: LeaveRequestFilter, $limit: Int, $offset: Int) {
    leaveRequests(filter: $filter, limit: $limit, offset: $offset) {
      items {
        leaveRequestId
        employeeId
        employee {
          firstName
          lastName
        }
        fromDate
        toDate
        totalDays
        reason
        status
        unpaid
      }
      limit
      offset
      hasMore
      total
    }
  }
`);

export const ActiveEmployeesQuery = graphql(`
  query ActiveEmployees {
    employees(filter: { status: "active" }, limit: 200) {
      items {
        employeeId
        firstName
        lastName
      }
    }
  }
`);

export const ApplyForLeaveMutation = graphql(`
  mutation ApplyForLeave($input: ApplyForLeaveInput!) {
    applyForLeave(input: $input) {
      id
      consistencyToken
    }
  }
`);

export const DecideLeaveMutation = graphql(`
  mutation DecideLeave($id: ID!, $approve: Boolean!, $reason: String) {
    approveLeaveRequest(id: $id) @include(if: $approve) {
      accepted
      consistencyToken
    }
    rejectLeaveRequest(id: $id, reason: $reason) @skip(if: $approve) {
      accepted
      consistencyToken
    }
  }
`);

export const DefineLeaveTypeMutation = graphql(`
  mutation DefineLeaveType($input: DefineLeaveTypeInput!) {
    defineLeaveType(input: $input) {
      id
      consistencyToken
    }
  }
`);

export const AllocateLeaveMutation = graphql(`
  mutation AllocateLeave($input: AllocateLeaveInput!) {
    allocateLeave(input: $input) {
      id
      consistencyToken
    }
  }
`);
