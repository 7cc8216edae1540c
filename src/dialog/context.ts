/**
 * One turn's context, handed to every step and intent module: the turn, the speaker, the portal's
 * directory, the session state, and the helpers they all need bound to the turn's language,
 * clock and zone (say a sentence, say a date, parse in context, name a person).
 */
import type { Parser } from '../nlu';
import type { Directory, Lang, ParseResult, PersonSlot } from '../nlu/types';
import type { NumberWords } from '../nlu/numbers';
import type { SessionStore } from '../store/types';
import type { LinkDeps } from './link';
import { sayDate } from './say-date';
import type { CommandIntent, SessionState } from './session';
import type { Texts } from './texts';
import type { Account, Button, PortalActions, Reply, Turn } from './types';

export interface DialogConfig {
  /** Hour a task deadline said as a bare date gets (the portal layer applies it). Default 12. */
  defaultDeadlineHour: number;
  /** How long an idle conversation is kept, ms. Default 30 minutes. */
  sessionTtlMs?: number;
  /** Items said by voice in an agenda answer before "и ещё N". Default 5. */
  voiceItems?: number;
  /** How long a "да" waits for the same action carried out elsewhere (`in_progress`), ms. Default 20 s. */
  actionWaitMs?: number;
}

/** Open lines (dialogue.md): is the CRM record a chat is bound to a hot one? False on any doubt. */
export type HotRecordCheck = (memberId: string, record: { entity: 'lead' | 'deal'; id: number }) => Promise<boolean>;

export interface DialogDeps {
  parser: Parser;
  sessions: SessionStore;
  actions: PortalActions;
  /** Linking of voice users; without it unlinked voice users are told to link in the portal. */
  link?: LinkDeps;
  config: DialogConfig;
  texts?: Texts;
  newId?: () => string;
  /** Open lines: a client of a hot lead goes to an operator at once. Unset: never. */
  isHotRecord?: HotRecordCheck;
}

/** What every step and module reads; `directory` and `account` are there once the speaker is known. */
export interface Ctx {
  turn: Turn;
  lang: Lang;
  state: SessionState;
  account: Account;
  directory: Directory;
  /** The parse of this turn (set before the command steps run). */
  p: ParseResult;
  deps: DialogDeps;
  texts: Texts;
  numbers: Record<Lang, NumberWords>;
  newId(): string;
  /** A sentence of intents/<file>.yaml in the turn's language. */
  say(file: string, key: string, vars?: Record<string, string | number>): string;
  /** A date or moment as people say it, relative to the turn's today. */
  when(value: string): string;
  /** Parse `text` in this turn's context; `expecting` reads a correction of that intent. */
  parse(text: string, expecting?: CommandIntent): ParseResult;
  /** A person as said in a reply ("Сергей Иванов", "вы"). */
  nameOf(p: PersonSlot): string;
  yesNo(): Button[];
}

export function bindContext(
  base: { turn: Turn; lang: Lang; state: SessionState; deps: DialogDeps; texts: Texts; numbers: Record<Lang, NumberWords>; newId: () => string },
  account: Account,
  directory: Directory,
): Ctx {
  const { turn, lang, texts, deps } = base;
  const c: Ctx = {
    ...base,
    account,
    directory,
    p: { intent: 'unknown', slots: {}, lang },
    say: (file, key, vars) => texts.say(file, key, lang, vars),
    when: (v) => sayDate(v, turn.now, turn.timeZone, lang, texts),
    parse: (text, expecting) => deps.parser.parse(text, { now: turn.now, timeZone: turn.timeZone, directory, lang, ...(expecting ? { expecting } : {}) }),
    nameOf: (p) => {
      if ('self' in p) return texts.say('common', 'you', lang);
      if ('userId' in p) {
        const u = directory.users.find((x) => x.id === p.userId);
        return u ? `${u.name} ${u.lastName}`.trim() : `#${p.userId}`;
      }
      if ('unresolved' in p) return p.unresolved;
      return '';
    },
    yesNo: () => [
      { title: texts.say('common', 'buttons.yes', lang), payload: { answer: 'yes' } },
      { title: texts.say('common', 'buttons.no', lang), payload: { answer: 'no' } },
    ],
  };
  return c;
}

export type { Reply };
