/** The DI token of the service's settings, chosen once by its composition root. */
export const NOTIFICATIONS_SETTINGS = Symbol('NotificationsSettings');

export interface NotificationsSettings {
  /** Rows a list answers when the request names no `limit`. */
  defaultPageSize: number;
  /** Each read model's running name (with the deployment's suffix): what a query awaits a consistency token on. */
  readModels: { deliveryList: string };
}
