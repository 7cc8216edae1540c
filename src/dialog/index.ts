/** The dialogue's front door. */
export { createDialog, type DialogDeps, type DialogConfig, type Draft, type SessionState } from './dialog';
export { issueLinkCode, tryLink, CODE_DIGITS, MAX_FAILURES, LOCKOUT_MS, type LinkDeps } from './link';
export { loadTexts, type Texts } from './texts';
export type * from './types';
export { COMMAND_INTENTS } from './intents';
