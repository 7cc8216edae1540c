/**
 * What is uploaded to each platform, built from `intents/*.yaml` (pure: texts in, files out):
 * the Dialogflow ES agent (the unzipped layout its "Import from ZIP" reads: agent.json,
 * package.json, intents/<name>.json, intents/<name>_usersays_<lang>.json), Alice's skill settings
 * with activation and example phrases, and the Bitrix24 app manifest with the bot registration.
 * Ids are derived from content hashes so a re-export of unchanged intents changes nothing.
 * `agentZip` packs the agent's files into the ZIP that Dialogflow's restore/import takes.
 */
import crypto from 'node:crypto';
import { zip } from './zip';
import { DEFAULT_BOTS, ANSWER_COMMAND } from '../bitrix/bots';
import type { Texts } from '../dialog/texts';
import { COMMAND_INTENTS } from '../dialog/intents';

// The command list is the dialogue's intent table.
const INTENTS = COMMAND_INTENTS;

const stableId = (s: string) => {
  const h = crypto.createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export function buildSkillFiles(texts: Texts, publicUrl: string): Record<string, unknown> {
  const files: Record<string, unknown> = {};
  const base = publicUrl.replace(/\/+$/, '');
  // Dialogflow ES: every intent is answered by our webhook, which does the real parsing.
  files['google/agent/package.json'] = { version: '1.0.0' };
  files['google/agent/agent.json'] = {
    description: 'b24-assistant: tasks, meetings, messages and lead scores in Bitrix24',
    language: 'ru',
    supportedLanguages: ['en'],
    defaultTimezone: 'Europe/Moscow',
    webhook: { url: `${base}/webhook/dialogflow`, available: true, useForDomains: false, cloudFunctionsEnabled: false },
    isPrivate: true,
    enableOnePlatformResponses: true,
    onePlatformApiVersion: 'v2',
  };
  // The ES export keeps an intent's action inside its response: responses[0].action.
  const intentFile = (name: string, extra: Record<string, unknown> = {}, action?: string) => ({
    id: stableId(`intent:${name}`),
    name,
    auto: true,
    contexts: [],
    responses: [{ resetContexts: false, ...(action ? { action } : {}), affectedContexts: [], parameters: [], messages: [], defaultResponsePlatforms: {}, speech: [] }],
    priority: 500000,
    webhookUsed: true,
    webhookForSlotFilling: false,
    fallbackIntent: false,
    events: [],
    ...extra,
  });
  for (const name of INTENTS) {
    files[`google/agent/intents/${name}.json`] = intentFile(name);
    const examples = texts.raw<Record<string, string[]>>(name, 'examples') ?? {};
    for (const [lang, list] of Object.entries(examples)) {
      files[`google/agent/intents/${name}_usersays_${lang}.json`] = list.map((text) => ({ id: stableId(`${name}:${lang}:${text}`), data: [{ text, userDefined: false }], isTemplate: false, count: 0, updated: 0 }));
    }
  }
  files['google/agent/intents/Default Welcome Intent.json'] = intentFile('Default Welcome Intent', { events: [{ name: 'WELCOME' }, { name: 'GOOGLE_ASSISTANT_WELCOME' }] });
  files['google/agent/intents/Default Fallback Intent.json'] = intentFile('Default Fallback Intent', { fallbackIntent: true }, 'input.unknown');

  // Alice: the settings a developer enters in the Yandex Dialogs console.
  files['alice/skill.json'] = {
    name: 'Битрикс24',
    activationNames: ['Битрикс24', 'Битрикс'],
    webhook: `${base}/webhook/alice`,
    backendTimeoutSeconds: 4.5,
    voice: 'shitova.us',
    examples: INTENTS.flatMap((n) => (texts.raw<Record<string, string[]>>(n, 'examples')?.ru ?? []).slice(0, 1)),
    accountLinking: 'spoken one-time code (see README); OAuth linking optional',
  };

  // Bitrix24: the local app's settings and what is registered at install.
  files['bitrix24/app.json'] = {
    type: 'server',
    handlerUrl: `${base}/webhook/bitrix`,
    installUrl: `${base}/install`,
    // Documented scope codes only (api-reference/scopes/permissions.md): tasks are `task`.
    scope: ['crm', 'task', 'calendar', 'im', 'imbot', 'imopenlines', 'user', 'placement'],
    events: ['ONAPPINSTALL', 'ONAPPUNINSTALL'],
  };
  // What the server registers at install (src/bitrix/bots.ts): Chatbots 2.0 first, imbot v1 only
  // where the portal answers ERROR_METHOD_NOT_FOUND to it.
  files['bitrix24/bots.json'] = {
    chatbots2: Object.values(DEFAULT_BOTS).map((p) => ({
      method: 'imbot.v2.Bot.register',
      params: { fields: { code: p.code, type: 'bot', eventMode: 'webhook', webhookUrl: `${base}/webhook/bitrix`, isSupportOpenline: p === DEFAULT_BOTS.openlines,
        properties: { name: p.name, workPosition: p.workPosition } } },
    })),
    imbotV1Fallback: Object.values(DEFAULT_BOTS).map((p) => ({
      method: 'imbot.register',
      params: { CODE: p.code, TYPE: p === DEFAULT_BOTS.openlines ? 'O' : 'B', EVENT_MESSAGE_ADD: `${base}/webhook/bitrix`, EVENT_WELCOME_MESSAGE: `${base}/webhook/bitrix`, EVENT_BOT_DELETE: `${base}/webhook/bitrix`, PROPERTIES: { NAME: p.name, WORK_POSITION: p.workPosition, COLOR: p.color } },
      then: { method: 'imbot.command.register', params: { COMMAND: ANSWER_COMMAND, HIDDEN: 'Y', EVENT_COMMAND_ADD: `${base}/webhook/bitrix` } },
    })),
  };
  return files;
}

/** How every artefact is written to disk (and into the agent ZIP): 2-space JSON and a newline. */
export const fileText = (content: unknown) => JSON.stringify(content, null, 2) + '\n';

const AGENT_DIR = 'google/agent/';

/**
 * The Dialogflow ES agent as a ZIP (agent.json, package.json and intents/ at the root, as the
 * console's "Export as ZIP" lays it out), byte-for-byte the same files export-skills writes.
 * Deterministic: the same intents give the same bytes.
 */
export function agentZip(files: Record<string, unknown>): Buffer {
  const names = Object.keys(files).filter((f) => f.startsWith(AGENT_DIR)).sort();
  if (!names.includes(`${AGENT_DIR}agent.json`)) throw new Error('the skill files have no google/agent/agent.json');
  return zip(names.map((f) => ({ name: f.slice(AGENT_DIR.length), data: fileText(files[f]) })));
}
