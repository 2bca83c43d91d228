import type { Me } from '../api/me.ts';
import type { SavedView } from '../api/saved-views.ts';

/** The views one may pick, one's own apart from those others shared with one's role (or, for administrators, made). */
export function viewChoices(views: readonly SavedView[]): { mine: SavedView[]; shared: SavedView[] } {
  return { mine: views.filter((view) => view.mine), shared: views.filter((view) => !view.mine) };
}

/** Sharing a view with roles is offered to those who lead others: managers (reassign) and administrators. */
export const mayShareViews = (permissions: Me['role']['permissions']) => permissions.mayReassign || permissions.mayManageUsers;
