// What each service's REST API answers, one namespace per module: `views.hrms.DirectoryEntry`.
// Services return these from their read models; the gateway's GraphQL types implement them.

export * as hrms from './hrms.views';
export * as payroll from './payroll.views';
export * as libraries from './libraries.views';
export * as events from './events.views';
export * as profile from './profile.views';
export * as identity from './identity.views';
export * as hq from './hq.views';
export * as admin from './admin.views';
export * as attendance from './attendance.views';
export * as chat from './chat.views';
