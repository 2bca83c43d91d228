import type { TransitionTrace } from '../../engine/machines/index.ts';

/**
 * Why a change happened: the engine's trace when a definition decided it (a stage entered, a transition taken), or
 * a plain reason naming the command (an edit, a delete, demo data) with optional words from the person.
 */
export type AuditWhy =
  | { kind: 'trace'; trace: TransitionTrace; payload?: Record<string, unknown> }
  | { kind: 'reason'; code: string; text?: string; fields?: string[]; source?: string; contactRecordId?: number };
