import { attendance } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { registerDecider, MAX_NAME_LENGTH } from '../src/domain/register.decider';
import type { CreateRegister, RenameRegister } from '../src/domain/register.decider';

const given = deciderSpec(registerDecider);
const NOW = '2026-03-02T09:00:00.000Z';
const ID = '0195f0a2-7c1e-7000-8000-000000000001';
const metadata = { now: NOW };

const create = (name: string): CreateRegister => ({ type: 'CreateRegister', data: { registerId: ID, name }, metadata });
const rename = (name: string): RenameRegister => ({ type: 'RenameRegister', data: { name }, metadata });
const created = (name: string) => attendance.registerCreated({ registerId: ID, name, createdAt: NOW });
const renamed = (previousName: string, name: string) =>
  attendance.registerRenamed({ registerId: ID, previousName, name, renamedAt: NOW });

describe('creating a register', () => {
  it('given nothing, when a register is created, then RegisterCreated carries its name, trimmed', () => {
    given([])
      .when(create('  Atlas '))
      .then([created('Atlas')]);
  });

  it('given nothing, when the name is blank or too long, then invalid-register-name', () => {
    given([]).when(create('   ')).thenThrows('invalid-register-name');
    given([])
      .when(create('x'.repeat(MAX_NAME_LENGTH + 1)))
      .thenThrows('invalid-register-name', { maxLength: MAX_NAME_LENGTH });
  });

  it('given a register, when it is created again, then register-already-exists', () => {
    given([created('Atlas')])
      .when(create('Atlas'))
      .thenThrows('register-already-exists', { registerId: ID });
  });
});

describe('renaming a register', () => {
  it('given a register, when it is renamed, then RegisterRenamed carries the name before and after', () => {
    given([created('Atlas')])
      .when(rename('Globe'))
      .then([renamed('Atlas', 'Globe')]);
  });

  it('given a renamed register, when it is renamed again, then the change starts from its latest name', () => {
    given([created('Atlas'), renamed('Atlas', 'Globe')])
      .when(rename('Map'))
      .then([renamed('Globe', 'Map')]);
  });

  it('given nothing, when it is renamed, then register-not-found', () => {
    given([]).when(rename('Globe')).thenThrows('register-not-found');
  });

  it('given a register, when it is renamed to the name it has, then register-name-unchanged', () => {
    given([created('Atlas')])
      .when(rename(' Atlas '))
      .thenThrows('register-name-unchanged', { name: 'Atlas' });
  });
});
