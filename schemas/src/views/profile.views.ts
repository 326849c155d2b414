// What Profile's REST API answers (see hrms.views.ts for why these live with the contracts).

/** What staff see of anyone in the tenant: the directory card. */
export interface ProfileCard {
  userId: string;
  product: string;
  status: string;
  fullName: string;
  preferredName: string | null;
  avatarUrl: string | null;
  department: string | null;
  designation: string | null;
  className: string | null;
}
