/**
 * The command intents: one module each, in one table. This table is the command list — the
 * dialogue, the help and the exported platform skills all read it.
 */
import type { IntentName } from '../../nlu/types';
import type { CommandIntent } from '../session';
import { eventCreate } from './event.create';
import { leadScore } from './lead.score';
import { messageSend } from './message.send';
import type { IntentTable } from './module';
import { taskCreate } from './task.create';
import { agendaQuery } from './agenda.query';
import { taskComplete } from './task.complete';
import { taskUpdate } from './task.update';
import { eventUpdate } from './event.update';
import { eventCancel } from './event.cancel';

export const INTENTS: IntentTable = {
  'task.create': taskCreate,
  'event.create': eventCreate,
  'message.send': messageSend,
  'lead.score': leadScore,
  'agenda.query': agendaQuery,
  'task.complete': taskComplete,
  'task.update': taskUpdate,
  'event.update': eventUpdate,
  'event.cancel': eventCancel,
};

/** The command intents in the table's order. */
export const COMMAND_INTENTS = Object.keys(INTENTS) as CommandIntent[];

export const isCommand = (i: IntentName): i is CommandIntent => Object.hasOwn(INTENTS, i);
