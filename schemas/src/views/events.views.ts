// What Events' REST API answers (see hrms.views.ts for why these live with the contracts).

/** One line of a school's activity feed, from another module's event (a loan, a return, ...). */
export interface ActivityItem {
  eventId: string;
  kind: string;
  subject: string;
  actorId: string | null;
  refId: string;
  occurredAt: string;
}
