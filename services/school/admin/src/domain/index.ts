export * from './calendar.decider';
export * from './subjects.decider';
export * from './group.decider';
export * from './student.decider';
export * from './student.types';
export * from './timetable.decider';
export { weekdayOf } from './recurrence';
export { ADMISSION_NUMBER, GENDERS, MAX_GUARDIANS } from './admission';
