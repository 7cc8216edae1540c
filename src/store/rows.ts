/**
 * Rows of the SQL tables and their mapping to the port types, shared by SQLite and PostgreSQL.
 * Numbers go through Number(): pg returns BIGINT columns as strings.
 */
import { fromJson } from './codec';
import type { ActionRecord, JobRecord, LinkCode, ModelRecord, VoiceLink } from './types';

export interface ActionRow {
  key: string;
  member_id: string;
  kind: string;
  state: ActionRecord['state'];
  result: string | null;
  error: string | null;
  created_at: number | string;
  updated_at: number | string;
}
export const actionFromRow = (r: ActionRow): ActionRecord => {
  const out: ActionRecord = {
    key: r.key,
    memberId: r.member_id,
    kind: r.kind,
    state: r.state,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
  if (r.result !== null) out.result = fromJson(r.result);
  if (r.error !== null) out.error = r.error;
  return out;
};

export interface VoiceRow {
  platform: VoiceLink['platform'];
  voice_user_id: string;
  member_id: string;
  user_id: number | string;
  created_at: number | string;
}
export const voiceFromRow = (r: VoiceRow): VoiceLink => ({
  platform: r.platform,
  voiceUserId: r.voice_user_id,
  memberId: r.member_id,
  userId: Number(r.user_id),
  createdAt: Number(r.created_at),
});

export interface CodeRow {
  code_hash: string;
  member_id: string;
  user_id: number | string;
  expires_at: number | string;
  created_at: number | string;
}
export const codeFromRow = (r: CodeRow): LinkCode => ({
  codeHash: r.code_hash,
  memberId: r.member_id,
  userId: Number(r.user_id),
  expiresAt: Number(r.expires_at),
  createdAt: Number(r.created_at),
});

export interface ModelRow {
  member_id: string;
  entity: ModelRecord['entity'];
  version: number | string;
  trained_at: number | string;
  next_training_at: number | string;
  meta: string;
  payload?: Buffer;
}
export const modelMetaFromRow = (r: ModelRow): Omit<ModelRecord, 'payload'> => ({
  memberId: r.member_id,
  entity: r.entity,
  version: Number(r.version),
  trainedAt: Number(r.trained_at),
  nextTrainingAt: Number(r.next_training_at),
  meta: JSON.parse(r.meta) as Record<string, unknown>,
});

export interface JobRow {
  id: string;
  kind: string;
  member_id: string;
  state: JobRecord['state'];
  progress: number | string;
  message: string | null;
  created_at: number | string;
  updated_at: number | string;
}
export const jobFromRow = (r: JobRow): JobRecord => {
  const out: JobRecord = {
    id: r.id,
    kind: r.kind,
    memberId: r.member_id,
    state: r.state,
    progress: Number(r.progress),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
  if (r.message !== null) out.message = r.message;
  return out;
};
