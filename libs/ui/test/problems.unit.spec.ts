import { fieldName, formMessage, problemOf } from '../src/problems';

describe('problems from the gateway, as a form shows them', () => {
  it("puts each of validation-failed's fields under its own name, whatever path the service gave", () => {
    const problem = problemOf({
      graphQLErrors: [
        {
          message: 'Validation failed',
          extensions: {
            code: 'validation-failed',
            status: 400,
            errors: [
              { field: 'input.workEmail', message: 'must be an email address' },
              { field: '/joiningDate', message: 'must be a date that exists' },
            ],
          },
        },
      ],
    });
    expect(problem).toEqual({
      code: 'validation-failed',
      message: 'Validation failed',
      status: 400,
      fields: { workEmail: 'must be an email address', joiningDate: 'must be a date that exists' },
    });
    expect(formMessage(problem, ['workEmail', 'joiningDate'])).toBe('Please correct the 2 fields marked below.');
    // A field the form does not have is named in the message above the form.
    expect(formMessage(problem, ['workEmail'])).toBe('Validation failed joiningDate: must be a date that exists');
  });

  it('says a login needs a TOTP code, and reads a network failure and a rule broken as such', () => {
    expect(
      problemOf({
        graphQLErrors: [{ message: 'A code is needed', extensions: { code: 'totp-required', secondFactor: 'totp' } }],
      }),
    ).toMatchObject({ code: 'totp-required', secondFactor: 'totp' });
    expect(problemOf({ networkError: new Error('fetch failed'), graphQLErrors: [] })).toMatchObject({
      code: 'network',
    });
    expect(
      problemOf({ graphQLErrors: [{ message: 'Already separated', extensions: { code: 'employee-separated' } }] }),
    ).toEqual({ code: 'employee-separated', message: 'Already separated', fields: {} });
    expect(problemOf(undefined)).toBeUndefined();
  });

  it('takes the last segment of a field path', () => {
    expect(fieldName('input.items[2].amount')).toBe('amount');
    expect(fieldName('/body/firstName')).toBe('firstName');
    expect(fieldName('tenant')).toBe('tenant');
  });
});
