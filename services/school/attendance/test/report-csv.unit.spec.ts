import { cell, reportCsv } from '../src/adapters/in/report-csv';

describe('the report as CSV', () => {
  it('quotes what needs quoting and never lets a cell be read as a formula', () => {
    expect(cell('Rao')).toBe('Rao');
    expect(cell('Rao, Jr.')).toBe('"Rao, Jr."');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell('=cmd|/c calc')).toBe("'=cmd|/c calc");
    expect(cell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(cell(-3)).toBe('-3');
    expect(cell(null)).toBe('');
  });

  it('has a header, a row per student and the totals, CRLF-separated', () => {
    const totals = {
      records: 1,
      present: 1,
      late: 0,
      leftEarly: 0,
      absent: 0,
      excused: 0,
      attendancePercent: 100,
      absencePercent: 0,
    };
    const line = { ...totals, studentId: 's1', rollNumber: 1, firstName: '+Asha', lastName: '' };
    expect(reportCsv([line], totals).split('\r\n')).toEqual([
      'roll_number,student_id,first_name,last_name,records,present,late,left_early,absent,excused,attendance_percent,absence_percent',
      "1,s1,'+Asha,,1,1,0,0,0,0,100,0",
      ',total,,,1,1,0,0,0,0,100,0',
      '',
    ]);
  });
});
