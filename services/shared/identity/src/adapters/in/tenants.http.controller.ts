import { Body, Controller, Get, Header, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InternalOperation, Public } from '@hexfleet/platform';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { SigningKey } from '../../application/signing-key';
import { TenantsCommandHandler } from '../../application/tenants.command-handler';
import { DisplayName, LoginEmail, TenantSlug } from './fields';
import { OperatorKeyGuard } from './operator-key.guard';

class TenantAdminBody {
  @LoginEmail() email!: string;
  @DisplayName() displayName!: string;
}

class ProvisionBody {
  @TenantSlug('slug')
  slug!: string;
  @ApiProperty({ example: 'Acme Ltd' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(200)
  name!: string;
  @ApiProperty({ enum: ['business', 'school'] }) @IsIn(['business', 'school']) product!: 'business' | 'school';
  @ApiProperty({ type: TenantAdminBody })
  @IsObject()
  @ValidateNested()
  @Type(() => TenantAdminBody)
  admin!: TenantAdminBody;
}

@ApiTags('tenants')
@Controller()
export class TenantsController {
  constructor(
    private readonly tenants: TenantsCommandHandler,
    private readonly key: SigningKey,
  ) {}

  @Post('tenants')
  @Public()
  @UseGuards(OperatorKeyGuard)
  @ApiHeader({ name: 'X-Operator-Key', required: true })
  @ApiOperation({ summary: 'Provision a tenant and invite its first admin (operators only)' })
  @InternalOperation('operators')
  provision(@Body() body: ProvisionBody) {
    return this.tenants.provision(body);
  }

  @Get('.well-known/jwks.json')
  @Public()
  @Header('cache-control', 'public, max-age=300')
  @ApiOperation({ summary: 'The public keys that verify access tokens (JWKS)' })
  @InternalOperation('services')
  jwks() {
    return this.key.jwks();
  }
}
