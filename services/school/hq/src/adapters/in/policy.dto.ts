import { EnumField, IntField, PatternField, TextField } from '@hexfleet/platform';
import {
  ATTENDANCE_MEANINGS,
  CURRENCY,
  FINE_CAP_MAX,
  LOAN_RULE_BOUNDS,
  LOCK_DAYS_BOUNDS,
  MAX_ATTENDANCE_CODES,
  MAX_CODE_LABEL,
  THRESHOLD_BOUNDS,
} from '../../domain';
import { NestedField } from './nested';

const { loanPeriodDays, maxLoans, maxRenewals, maxHolds, fineRatePerDayMinor, graceDays } = LOAN_RULE_BOUNDS;

/** The default library loan rule (libraries' default cell of a school's rule matrix). */
export class LoanRulesBody {
  @IntField(...loanPeriodDays, { example: 14, description: 'Days a loan lasts' }) loanPeriodDays!: number;
  @IntField(...maxLoans, { example: 3 }) maxLoans!: number;
  @IntField(...maxRenewals, { example: 2 }) maxRenewals!: number;
  @IntField(...maxHolds, { example: 2 }) maxHolds!: number;
  @IntField(...fineRatePerDayMinor, { example: 100, description: 'Minor units of currency per late day' })
  fineRatePerDayMinor!: number;
  @PatternField(CURRENCY, 'an ISO 4217 code such as INR', { example: 'INR' }) currency!: string;
  @IntField(...graceDays, { example: 1 }) graceDays!: number;
  @IntField(0, FINE_CAP_MAX, { optional: true, description: 'Highest fine of one loan; null or left out: uncapped' })
  fineCapMinor?: number | null;
}

export class AttendanceCodeBody {
  @PatternField(/^[A-Za-z0-9]{1,4}$/, '1 to 4 letters or digits', { example: 'P', description: 'Stored upper-cased' })
  code!: string;
  @TextField(MAX_CODE_LABEL, { example: 'Present' }) label!: string;
  @EnumField(ATTENDANCE_MEANINGS, { description: 'How attendance counts it' }) meaning!: string;
}

export class AbsenceThresholdsBody {
  @IntField(...THRESHOLD_BOUNDS.consecutiveAbsentDays, { example: 3 }) consecutiveAbsentDays!: number;
  @IntField(...THRESHOLD_BOUNDS.minimumAttendancePercent, { example: 75 }) minimumAttendancePercent!: number;
}

const CODES = {
  description: 'At least one code meaning present and one meaning absent; codes unique',
  example: [
    { code: 'P', label: 'Present', meaning: 'present' },
    { code: 'A', label: 'Absent', meaning: 'absent' },
  ],
};

const LOCK =
  "Days after its day a register locks (0: the next day); then only corrections with a reason change it. Null or left out: attendance's default";

/** PUT /group-policy: the whole policy, every area. */
export class GroupPolicyBody {
  @NestedField(LoanRulesBody) loanRules!: LoanRulesBody;
  @NestedField(AttendanceCodeBody, { items: [1, MAX_ATTENDANCE_CODES], ...CODES })
  attendanceCodes!: AttendanceCodeBody[];
  @NestedField(AbsenceThresholdsBody) absenceThresholds!: AbsenceThresholdsBody;
  @IntField(...LOCK_DAYS_BOUNDS, { optional: true, example: 7, description: LOCK })
  registerLockDays?: number | null;
}

/** PUT /schools/:id/policy: the school's own settings; an area null or left out follows the group's. */
export class SchoolPolicyBody {
  @NestedField(LoanRulesBody, { nullable: true }) loanRules?: LoanRulesBody | null;
  @NestedField(AttendanceCodeBody, { items: [1, MAX_ATTENDANCE_CODES], nullable: true, ...CODES })
  attendanceCodes?: AttendanceCodeBody[] | null;
  @NestedField(AbsenceThresholdsBody, { nullable: true }) absenceThresholds?: AbsenceThresholdsBody | null;
  @IntField(...LOCK_DAYS_BOUNDS, { optional: true, example: 3, description: `${LOCK}; null or left out: the group's` })
  registerLockDays?: number | null;
}
