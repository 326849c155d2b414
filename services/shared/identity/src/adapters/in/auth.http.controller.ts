import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TenantId } from '@hexfleet/kernel';
import { Caller, Public } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import type { views } from '@hexfleet/schemas';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDENTITY_SETTINGS, type IdentitySettings } from '../../application/identity-settings';
import { LoginCommandHandler, LoginRefused } from '../../application/login.command-handler';
import { PasswordsCommandHandler } from '../../application/passwords.command-handler';
import { RegistrationCommandHandler } from '../../application/registration.command-handler';
import { SessionsCommandHandler } from '../../application/sessions.command-handler';
import { LinkBody, LinkPasswordBody, LoginBody, RefreshBody, RegisterBody, TenantEmailBody } from './auth.dto';
import { clientOf } from './client';

/** Signing in and everything a person does before they have a token. The tenant is the one the body names. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly logins: LoginCommandHandler,
    private readonly sessions: SessionsCommandHandler,
    private readonly passwords: PasswordsCommandHandler,
    private readonly registrations: RegistrationCommandHandler,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: an access token (15 min) and a refresh token' })
  async login(
    @Body() body: LoginBody,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    try {
      return await this.logins.login(body, clientOf(request, this.settings.trustedProxies));
    } catch (error) {
      // Tells a client to ask for the code; the problem's detail says the same in words.
      if (error instanceof LoginRefused && error.secondFactorRequired) void reply.header('x-second-factor', 'totp');
      throw error;
    }
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Trade a refresh token for new tokens; the old refresh token stops working' })
  refresh(@Body() body: RefreshBody) {
    return this.sessions.refresh(TenantId.parse(body.tenant), body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: "End this token's session (its refresh token stops working)" })
  async logout(@Caller() caller: Principal) {
    await this.sessions.logout(caller);
  }

  @Post('sessions/revoke-all')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End every session of the caller' })
  async revokeAll(@Caller() caller: Principal) {
    await this.sessions.revokeAll(caller);
  }

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Self-registration, where the tenant allows it (ADR 0018); a verification mail follows' })
  async register(@Body() body: RegisterBody, @Req() request: FastifyRequest): Promise<views.identity.Registered> {
    const client = clientOf(request, this.settings.trustedProxies);
    await this.registrations.register(TenantId.parse(body.tenant), body, client);
    return { status: 'verification-sent', email: body.email.trim().toLowerCase() };
  }

  @Post('email-verifications')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send the verification mail again (202 whether or not the account exists)' })
  async resendVerification(@Body() body: TenantEmailBody, @Req() request: FastifyRequest) {
    const client = clientOf(request, this.settings.trustedProxies);
    await this.registrations.resend(TenantId.parse(body.tenant), body.email, client);
    return { status: 'accepted' };
  }

  @Post('email-verifications/confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Confirm an email address with the token from the verification mail' })
  async confirmEmail(@Body() body: LinkBody) {
    await this.registrations.confirm(TenantId.parse(body.tenant), body.token);
  }

  @Post('invitations/accept')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Accept an invitation: set the first password (verifies the email too)' })
  async acceptInvitation(@Body() body: LinkPasswordBody) {
    await this.passwords.setPasswordByLink(TenantId.parse(body.tenant), body.token, body.password);
  }

  @Post('password-resets')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: 'Mail a single-use reset link (202 whether or not the account exists)' })
  async requestReset(@Body() body: TenantEmailBody, @Req() request: FastifyRequest) {
    const client = clientOf(request, this.settings.trustedProxies);
    await this.passwords.requestReset(TenantId.parse(body.tenant), body.email, client);
    return { status: 'accepted' };
  }

  @Post('password-resets/confirm')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the reset token (ends every session)' })
  async confirmReset(@Body() body: LinkPasswordBody) {
    await this.passwords.setPasswordByLink(TenantId.parse(body.tenant), body.token, body.password);
  }
}
