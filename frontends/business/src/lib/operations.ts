import { graphql } from '../gql';

/** What the directory shows of an employee, and their page too. */
export const EmployeeSummary = graphql(`
  fragment EmployeeSummary on Employee {
    employeeId
    firstName
    lastName
    workEmail
    department
    designation
    status
  }
`);

export const EmployeesQuery = graphql(`
  query Employees($filter: EmployeeFilter, $limit: Int, $offset: Int) {
    employees(filter: $filter, limit: $limit, offset: $offset) {
      items {
        ...EmployeeSummary
      }
      limit
      offset
      hasMore
      total
    }
  }
`);

export const EmployeeQuery = graphql(`
  query Employee($id: ID!) {
    employee(id: $id) {
      ...EmployeeSummary
      employmentType
      joiningDate
      relievingDate
      manager {
        employeeId
        firstName
        lastName
      }
    }
  }
`);

export const HireEmployeeMutation = graphql(`
  mutation HireEmployee($input: HireEmployeeInput!) {
    hireEmployee(input: $input) {
      id
      consistencyToken
    }
  }
`);

export const PayrollEmployeesQuery = graphql(`
  query PayrollEmployees($limit: Int, $offset: Int) {
    payrollEmployees(limit: $limit, offset: $offset) {
      items {
        employeeId
        firstName
        lastName
        department
        designation
        joiningDate
        baseMinor
        currency
        structureId
      }
      limit
      offset
      hasMore
      total
    }
  }
`);
