/** DI token of the service's settings. */
export const PROFILE_SETTINGS = Symbol('ProfileSettings');

export interface ProfileSettings {
  /** The read models' running names (suffixed): queries wait on them for a consistency token. */
  readModels: { profiles: string };
}
