import { Body, Controller, Get, HttpCode, Patch, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Roles } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { STAFF_ROLES } from '../../application/profile-access';
import { ProfileCommandHandler } from '../../application/profile.command-handler';
import { ProfileQueryHandler } from '../../application/profile.query-handler';
import { AppFieldsBody, DirectoryQuery, PreferencesBody, UpdateProfileBody } from './profile.dto';
import { UserIdParam } from './user-id';

@ApiTags('profiles')
@ApiBearerAuth()
@Controller('profiles')
export class ProfilesController {
  constructor(
    private readonly commands: ProfileCommandHandler,
    private readonly queries: ProfileQueryHandler,
  ) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "The tenant's directory: active profiles by name, as cards (staff only)" })
  directory(@Caller() caller: Principal, @Query() query: DirectoryQuery) {
    // Pages by number (page, pageSize) or, as the other services and the gateway page, by limit and offset.
    const limit = query.limit ?? query.pageSize ?? 20;
    const offset = query.offset ?? ((query.page ?? 1) - 1) * limit;
    return this.queries.directory(caller, { query: query.query, limit, offset });
  }

  @Get('me')
  @ApiOperation({ summary: "The caller's own profile (404 until the registration has reached this service)" })
  me(@Caller() caller: Principal) {
    return this.queries.me(caller);
  }

  @Get(':userId')
  @ApiOperation({ summary: 'A profile: all of it to the person, admins, HR and linked guardians; a card to staff' })
  get(@Caller() caller: Principal, @UserIdParam('userId') userId: string) {
    return this.queries.get(caller, userId);
  }

  @Patch(':userId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change personal and contact details (the person, an admin, HR, a guardian of a minor)' })
  async update(@Caller() caller: Principal, @UserIdParam('userId') userId: string, @Body() body: UpdateProfileBody) {
    await this.commands.update(caller, userId, body);
  }

  @Put(':userId/preferences')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set language, time zone and notification channels' })
  async preferences(@Caller() caller: Principal, @UserIdParam('userId') userId: string, @Body() body: PreferencesBody) {
    await this.commands.changePreferences(caller, userId, body);
  }

  @Put(':userId/app-fields')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Set per-app fields: department and designation (HR), admission number and class (school admin)',
  })
  async appFields(@Caller() caller: Principal, @UserIdParam('userId') userId: string, @Body() body: AppFieldsBody) {
    await this.commands.update(caller, userId, body);
  }
}
