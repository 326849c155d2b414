import { admin } from '@hexfleet/schemas';
import type { Admission, StudentFacts } from '../../src/domain';

export const NOW = '2026-03-02T09:00:00.000Z';
export const metadata = { now: NOW };
export const SCHOOL = '0195f0a2-7c1e-7000-8000-00000000a001';
export const OTHER_SCHOOL = '0195f0a2-7c1e-7000-8000-00000000a002';
export const YEAR = '0195f0a2-7c1e-7000-8000-00000000b001';
export const NEXT_YEAR = '0195f0a2-7c1e-7000-8000-00000000b002';
export const TERM = '0195f0a2-7c1e-7000-8000-00000000c001';
export const GROUP = '0195f0a2-7c1e-7000-8000-00000000d001';
export const OTHER_GROUP = '0195f0a2-7c1e-7000-8000-00000000d002';
export const STUDENT = '0195f0a2-7c1e-7000-8000-00000000e001';
export const SUBJECT = '0195f0a2-7c1e-7000-8000-00000000f001';
export const TEACHER = '0195f0a2-7c1e-7000-8000-0000000aa001';

export const year = { yearId: YEAR, schoolId: SCHOOL, startDate: '2026-04-01', endDate: '2027-03-31' };
export const nextYear = { yearId: NEXT_YEAR, schoolId: SCHOOL, startDate: '2027-04-01', endDate: '2028-03-31' };

export const yearOpened = (over: Partial<admin.AcademicYearOpenedInput> = {}) =>
  admin.academicYearOpened({ ...year, name: '2026-27', openedAt: NOW, ...over });

export const termDefined = (over: Partial<admin.TermDefinedData> = {}) =>
  admin.termDefined({
    termId: TERM,
    yearId: YEAR,
    schoolId: SCHOOL,
    name: 'Term 1',
    startDate: '2026-04-01',
    endDate: '2026-09-30',
    definedAt: NOW,
    ...over,
  });

export const primary = {
  name: 'Asha Rao',
  relationship: 'Mother',
  email: 'Asha@Example.com',
  phone: null,
  primary: true,
};
export const secondary = {
  name: 'Ravi Rao',
  relationship: 'father',
  email: null,
  phone: '+91 98450 12345',
  primary: false,
};

export const admission = (over: Partial<Admission> = {}): Admission => ({
  studentId: STUDENT,
  schoolId: SCHOOL,
  admissionNumber: 'ADM-2026/001',
  firstName: 'Meera',
  lastName: 'Rao',
  birthDate: '2015-06-14',
  gender: 'female',
  email: null,
  guardians: [secondary, primary],
  admittedOn: '2026-03-01',
  ...over,
});

export const admitted = () =>
  admin.studentAdmitted({
    ...admission(),
    guardians: [
      { ...primary, relationship: 'mother', email: 'asha@example.com' },
      { ...secondary, phone: '+91 98450 12345' },
    ],
    importId: null,
    admittedAt: NOW,
  });

export const enrolled = (over: Partial<admin.StudentEnrolledInput> = {}) => {
  const { studentId, schoolId, admissionNumber, firstName, lastName, birthDate, email, guardians } = admitted().data;
  return admin.studentEnrolled({
    ...{ studentId, schoolId, admissionNumber, firstName, lastName, birthDate, email, guardians },
    yearId: YEAR,
    groupId: GROUP,
    rollNumber: 1,
    enrolledOn: '2026-04-01',
    enrolledAt: NOW,
    ...over,
  });
};

export const facts = (over: Partial<StudentFacts> = {}): StudentFacts => ({
  studentId: STUDENT,
  schoolId: SCHOOL,
  status: 'enrolled',
  yearId: YEAR,
  admissionNumber: 'ADM-2026/001',
  firstName: 'Meera',
  lastName: 'Rao',
  ...over,
});

export const groupCreated = (over: Partial<admin.GroupCreatedData> = {}) =>
  admin.groupCreated({
    groupId: GROUP,
    schoolId: SCHOOL,
    yearId: YEAR,
    grade: '5',
    section: 'B',
    name: 'Grade 5 B',
    capacity: 2,
    createdAt: NOW,
    ...over,
  });

export const added = (studentId: string, rollNumber: number) =>
  admin.studentAddedToGroup({
    groupId: GROUP,
    schoolId: SCHOOL,
    yearId: YEAR,
    studentId,
    rollNumber,
    admissionNumber: 'ADM-2026/001',
    firstName: 'Meera',
    lastName: 'Rao',
    addedAt: NOW,
  });
