import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { Consistency, hasRole, schoolsWhere } from '@hexfleet/platform';
import type { Principal } from '@hexfleet/platform';
import { SCHOOL_ROLES } from '@hexfleet/schemas';
import { AUDIENCES } from './audiences.port';
import type { AudiencePage, Audiences, Paging } from './audiences.port';
import { CALENDAR } from './calendar.port';
import type { Calendar } from './calendar.port';
import { EVENTS_SETTINGS } from './events-settings';
import type { EventsSettings } from './events-settings';
import { ORGANISERS } from './organisers';

/** Reads the event as its organisers do: drafts too, whatever its audience. */
const AS_ORGANISER = { organiser: true, groupIds: [] };

/**
 * Who an event reaches, for its school's organisers (ADR 0048): fenced by the token's school
 * grants as HQ and Admin fence (ADR 0039). `hq-admin` reaches every school; an organiser role
 * granted over the event's school reaches it; anyone else with a grant in that school gets 403,
 * and everyone else 404, as for an event of another tenant.
 */
@Injectable()
export class AudienceQueryHandler {
  constructor(
    private readonly consistency: Consistency,
    @Inject(CALENDAR) private readonly calendar: Calendar,
    @Inject(AUDIENCES) private readonly audiences: Audiences,
    @Inject(EVENTS_SETTINGS) private readonly settings: EventsSettings,
  ) {}

  async audience(caller: Principal, eventId: string, paging: Paging): Promise<AudiencePage> {
    await this.consistency.await(this.settings.readModels.calendar, caller);
    const event = await this.calendar.event(caller.tenant, { userId: caller.userId, ...AS_ORGANISER }, eventId);
    const { schoolId } = event ?? { schoolId: '' };
    if (!event || !this.sees(caller, schoolId)) throw new NotFoundException(`no event ${eventId}`);
    if (!hasRole(caller, 'hq-admin') && !schoolsWhere(caller, ...ORGANISERS).includes(schoolId))
      throw new ForbiddenException(`Only the organisers of school ${schoolId} list an event's audience`);
    await this.consistency.await(this.settings.readModels.audiences, caller);
    return this.audiences.members(
      caller.tenant,
      { schoolId, kind: event.audienceKind, ids: event.audienceIds },
      paging,
    );
  }

  private sees(caller: Principal, schoolId: string) {
    return hasRole(caller, 'hq-admin') || schoolsWhere(caller, ...SCHOOL_ROLES).includes(schoolId);
  }
}
