import { Injectable, Logger } from '@nestjs/common';
import type { ConsumedEvent } from '@hexfleet/eventing';
import { isDomainError, TenantId } from '@hexfleet/kernel';
import { Commands, TimeAndIds } from '@hexfleet/platform';
import type { StreamTransaction } from '@hexfleet/platform';
import type { hq } from '@hexfleet/schemas';
import { v5 as uuidv5 } from 'uuid';
import { calendarDecider, hqFactsDecider, openSchools } from '../domain';
import type { CalendarCommand, CalendarEvent, CalendarState, HqFactsCommand, YearTemplate } from '../domain';

const YEAR_NAMESPACE = '2b8e4f6a-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

/**
 * A school's own id for a year (or term) HQ published: one per school, so the year's groups,
 * enrolments and timetables never mix schools, and the same template opens once per school.
 */
export const schoolYearIdFor = (tenant: string, schoolId: string, hqId: string) =>
  uuidv5(`${tenant}/${schoolId}/${hqId}`, YEAR_NAMESPACE);

type Policy = { name: string };

/**
 * HQ's academic-year templates opened in schools: published to some schools, to every school
 * (now open, and opened later). Each HQ event is one transaction over the tenant's HQ facts and
 * the schools' calendars; a school whose own calendar refuses a template (a year it opened
 * itself overlaps) is skipped and logged, the others open it.
 */
@Injectable()
export class HqYearsCommandHandler {
  private readonly logger = new Logger('HqYears');

  constructor(
    private readonly commands: Commands,
    private readonly time: TimeAndIds,
  ) {}

  async schoolOpened(policy: Policy, event: ConsumedEvent<hq.SchoolOpened>): Promise<void> {
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        const templates = await this.noteSchool(tx, event.data.schoolId, true);
        await this.open(tx, TenantId.parse(event.tenant), [event.data.schoolId], templates);
      },
      { retries: 5 },
    );
  }

  async schoolClosed(policy: Policy, event: ConsumedEvent<hq.SchoolClosed>): Promise<void> {
    await this.commands.react(
      policy,
      event,
      (tx) => this.noteSchool(tx, event.data.schoolId, false).then(() => undefined),
      { retries: 5 },
    );
  }

  async yearPublished(policy: Policy, event: ConsumedEvent<hq.AcademicYearPublished>): Promise<void> {
    const { yearId: templateId, name, startDate, endDate, terms, schoolIds } = event.data;
    const template = { templateId, name, startDate, endDate, terms };
    await this.commands.react(
      policy,
      event,
      async (tx) => {
        let schools = schoolIds;
        if (schools.length === 0) {
          await this.note(tx, { type: 'NoteTemplate', data: template, metadata: { now: this.time.now() } });
          schools = openSchools((await tx.load(hqFactsDecider, 'hq-facts', 'hq')).state);
        }
        await this.open(tx, TenantId.parse(event.tenant), schools, [template]);
      },
      { retries: 5 },
    );
  }

  private noteSchool(tx: StreamTransaction, schoolId: string, open: boolean) {
    return this.note(tx, { type: 'NoteSchool', data: { schoolId, open }, metadata: { now: this.time.now() } });
  }

  /** Notes a fact on the tenant's HQ facts; answers the every-school templates known with it. */
  private async note(tx: StreamTransaction, command: HqFactsCommand) {
    const facts = await tx.load(hqFactsDecider, 'hq-facts', 'hq');
    const decided = hqFactsDecider.decide(command, facts.state);
    tx.append(facts, decided);
    return decided.reduce(hqFactsDecider.evolve, facts.state).templates;
  }

  private async open(
    tx: StreamTransaction,
    tenant: TenantId,
    schoolIds: readonly string[],
    templates: readonly YearTemplate[],
  ) {
    const now = this.time.now();
    for (const schoolId of schoolIds) {
      const calendar = await tx.load(calendarDecider, 'calendar', schoolId);
      let state = calendar.state;
      const events: CalendarEvent[] = [];
      for (const template of templates) {
        const opened = this.opening(tenant, schoolId, template, state, now);
        state = opened.reduce(calendarDecider.evolve, state);
        events.push(...opened);
      }
      tx.append(calendar, events);
    }
  }

  /** The events that open one template in one school, or none (already open, or refused by its calendar). */
  private opening(tenant: string, schoolId: string, template: YearTemplate, state: CalendarState, now: string) {
    const yearId = schoolYearIdFor(tenant, schoolId, template.templateId);
    if (state.years.some((y) => y.yearId === yearId)) return [];
    const { name, startDate, endDate } = template;
    const commands: CalendarCommand[] = [
      {
        type: 'OpenAcademicYear',
        data: { yearId, schoolId, name, startDate, endDate, templateId: template.templateId },
        metadata: { now },
      },
      ...template.terms.map((t): CalendarCommand => ({
        type: 'DefineTerm',
        data: { termId: schoolYearIdFor(tenant, schoolId, t.termId), yearId, name: t.name, ...span(t) },
        metadata: { now },
      })),
    ];
    try {
      const events: CalendarEvent[] = [];
      let current = state;
      for (const command of commands) {
        const decided = calendarDecider.decide(command, current);
        current = decided.reduce(calendarDecider.evolve, current);
        events.push(...decided);
      }
      return events;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.logger.warn(`school ${schoolId} keeps its own calendar: HQ's ${template.name} refused (${error.code})`);
      return [];
    }
  }
}

const span = ({ startDate, endDate }: { startDate: string; endDate: string }) => ({ startDate, endDate });
