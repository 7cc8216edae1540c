/**
 * A lead's (or deal's) score: read at once, no confirmation. "этот лид" is the chat's CRM binding;
 * several records with the title → a button each and the number is asked for.
 */
import type { Ctx } from '../context';
import type { DraftOf } from '../session';
import type { IntentModule } from './module';

export const leadScore: IntentModule<'lead.score'> = {
  intent: 'lead.score',
  requires: ['lead'],
  prepare(c, d) {
    const lead = d.slots.lead!;
    if (!lead.context) return null;
    if (!c.turn.crm) {
      c.state.draft = undefined;
      return { text: c.say('lead.score', 'no_context') };
    }
    d.slots.lead = { id: c.turn.crm.id, ...(c.turn.crm.entity === 'deal' ? { entity: 'deal' as const } : {}) };
    return null;
  },
  answer(c, d) {
    if (d.asking !== 'lead') return null;
    const n = numberSaid(c);
    if (n === undefined) return { text: c.say('lead.score', 'ask.lead') };
    d.slots.lead = { id: n, ...(d.slots.lead?.entity === 'deal' ? { entity: 'deal' as const } : {}) };
    return 'filled';
  },
  async does(c, d) {
    const lang = c.lang;
    let a;
    try {
      a = await c.deps.actions.scoreLead(c.account, d.slots.lead!, lang);
    } catch (e) {
      // The portal refused the speaker this record (their own token, issue 12): say only that, nothing of the record.
      if ((e as { kind?: string }).kind === 'access_denied') return { text: c.say('lead.score', `no_access.${d.slots.lead?.entity === 'deal' ? 'deal' : 'lead'}`) };
      throw e;
    }
    const entity = (e: 'lead' | 'deal') => c.say('lead.score', `entity.${e}`);
    const number = (n: number) => n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-US');
    switch (a.kind) {
      case 'score': {
        const percent = a.percent ?? Math.round(a.probability * 100);
        const reasons = a.reasons.length ? c.say('lead.score', 'reasons', { list: a.reasons.join(c.say('common', 'and')) }) : '';
        const text = c.say('lead.score', 'score', {
          entity: entity(a.entity),
          title: a.title,
          probability: percent,
          level: c.say('lead.score', `level.${a.level}`),
          reasons,
          quality: Math.round(a.modelQuality.auc * 100),
        });
        // A small portal's score stands on the pooled model and few records of its own: said so.
        const preliminary = a.preliminary ? c.say('lead.score', 'preliminary', { records: number(a.preliminary.records) }) : '';
        return { text: text + preliminary, card: { title: c.say('lead.score', 'card_title', { entity: entity(a.entity), title: a.title }), lines: [`${percent}%`, ...a.reasons] } };
      }
      case 'no-model':
        return { text: c.say('lead.score', 'no_model', { closed: number(a.closed), required: number(a.required), plural: c.say('lead.score', `entity_plural.${a.entity}`) }) };
      case 'not-found':
        return { text: c.say('lead.score', 'not_found') };
      case 'ambiguous':
        return ambiguous(c, d, a.entity, a.options);
    }
  },
};

/** Several records match the title: offer them and take the number (spoken, typed or a button) next. */
function ambiguous(c: Ctx, d: DraftOf<'lead.score'>, entity: 'lead' | 'deal', options: { id: number; title: string }[]) {
  c.state.draft = { id: c.newId(), intent: 'lead.score', slots: { lead: entity === 'deal' ? { entity: 'deal' } : {} }, asking: 'lead', candidates: options.map((o) => o.id) };
  void d;
  const list = options.map((o) => c.say('lead.score', 'option', { id: o.id, title: o.title }));
  return {
    text: c.say('lead.score', `ambiguous.${entity}`, { list: list.join(', ') }),
    buttons: options.map((o, k) => ({ title: list[k]!, payload: { leadId: o.id } })),
  };
}

/**
 * The record number of an answer: a pressed button's id, the first digits typed (a button read
 * back as its title, "№12 «…»", starts with its own number), a number said in words, or the
 * platform's number hint (Alice's YANDEX.NUMBER).
 */
function numberSaid(c: Ctx): number | undefined {
  const picked = (c.turn.payload as { leadId?: unknown } | undefined)?.leadId;
  if (typeof picked === 'number') return picked;
  const digits = /\d+/.exec(c.turn.text)?.[0];
  if (digits) return Number(digits);
  const words = c.turn.text.toLowerCase().split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const v = c.numbers[c.lang].readAt(words, i)?.value;
    if (v !== undefined) return v;
  }
  return c.turn.hints?.numbers?.[0];
}
