/** A team as the API shows it. */
export interface TeamView {
  id: number;
  name: string;
  managerId: number | null;
  createdAt: string;
}

export function teamView(team: { id: number; name: string; managerId?: number | null; createdAt: Date }): TeamView {
  return { id: team.id, name: team.name, managerId: team.managerId ?? null, createdAt: team.createdAt.toISOString() };
}
