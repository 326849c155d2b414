import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, EnumField } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { SchoolSettingsCommandHandler } from '../../application/school-settings.command-handler';
import { ATTENDANCE_MODES } from '../../domain';
import type { AttendanceMode } from '../../domain';
import { SchoolParams } from './registers.dto';

export class AttendanceSettingsBody {
  @EnumField(ATTENDANCE_MODES, {
    description: "lesson: every lesson's register is taken; daily: only each group's first lesson of the day",
  })
  mode!: AttendanceMode;
}

/** How a school takes attendance (ADR 0054). */
@ApiTags('settings')
@ApiBearerAuth()
@Controller()
export class SchoolSettingsController {
  constructor(private readonly settings: SchoolSettingsCommandHandler) {}

  @Put('schools/:schoolId/attendance-settings')
  @ApiOperation({
    summary:
      "Per lesson or daily: a daily school takes each group's register in its first lesson of the day, and marking another is refused (409 daily-register-elsewhere); the school's admin or HQ",
  })
  set(@Caller() caller: Principal, @Param() { schoolId }: SchoolParams, @Body() body: AttendanceSettingsBody) {
    return this.settings.setMode(caller, schoolId, body.mode);
  }
}
