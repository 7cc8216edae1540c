/**
 * The hot-lead check of open lines: a client's chat bound to a lead or deal that the portal's model
 * scores high goes to an operator at once (dialogue.md). Only an existing model answers — a
 * client's first message never waits for the CRM export of a first training — and the score is
 * asked as the portal's installer (the bot has no user of its own).
 */
import type { HotRecordCheck } from '../dialog/context';
import type { PortalActions } from '../dialog/types';
import type { InstallStore, ModelStore } from '../store/types';

export interface HotRecordDeps {
  installs: Pick<InstallStore, 'get'>;
  models: Pick<ModelStore, 'latest'>;
  scoreLead: PortalActions['scoreLead'];
}

export function hotRecordCheck(deps: HotRecordDeps): HotRecordCheck {
  return async (memberId, rec) => {
    const install = await deps.installs.get(memberId);
    if (!install || !(await deps.models.latest(memberId, rec.entity))) return false;
    const a = await deps.scoreLead({ memberId, userId: install.installedBy ?? 1 }, rec.entity === 'deal' ? { id: rec.id, entity: 'deal' } : { id: rec.id });
    return a.kind === 'score' && a.level === 'high';
  };
}
