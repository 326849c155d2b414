import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { ProfileCommandHandler } from '../../application/profile.command-handler';
import { LinkGuardianBody } from './profile.dto';
import { UserIdParam } from './user-id';

/** Student-guardian links, on the student's profile: admins set them (the domain says who). */
@ApiTags('guardians')
@ApiBearerAuth()
@Controller('profiles/:userId/guardians')
export class GuardiansController {
  constructor(private readonly commands: ProfileCommandHandler) {}

  @Post()
  @ApiOperation({ summary: 'Link a guardian to a student: the first is the primary one, a second primary is refused' })
  async link(@Caller() caller: Principal, @UserIdParam('userId') userId: string, @Body() body: LinkGuardianBody) {
    const { guardianUserId, relationship, primary = false } = body;
    await this.commands.linkGuardian(caller, userId, { guardianUserId, relationship, primary });
    return { studentUserId: userId, guardianUserId };
  }

  @Delete(':guardianUserId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unlink a guardian: never the last one, nor the primary one (move that role first)' })
  async unlink(
    @Caller() caller: Principal,
    @UserIdParam('userId') userId: string,
    @UserIdParam('guardianUserId') guardianUserId: string,
  ) {
    await this.commands.unlinkGuardian(caller, userId, guardianUserId);
  }

  @Post(':guardianUserId/primary')
  @HttpCode(204)
  @ApiOperation({ summary: 'Make a linked guardian the primary one (the former primary stays linked)' })
  async makePrimary(
    @Caller() caller: Principal,
    @UserIdParam('userId') userId: string,
    @UserIdParam('guardianUserId') guardianUserId: string,
  ) {
    await this.commands.makePrimaryGuardian(caller, userId, guardianUserId);
  }
}
