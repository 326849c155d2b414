// HRMS's request fields are the platform's (documented and validated from one statement).
export {
  BooleanField,
  DateField,
  EmailField,
  EnumField,
  IdParam,
  IntField,
  MonthField,
  TextField,
  UuidField,
} from '@hexfleet/platform';
