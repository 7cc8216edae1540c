import { buildSkillFiles } from '../../src/channels/skills';
import { loadTexts } from '../../src/dialog/texts';

describe('buildSkillFiles', () => {
  const files = buildSkillFiles(loadTexts(), 'https://bot.example.com/');
  it('builds a Dialogflow agent whose intents all use our webhook, with the examples of intents/*.yaml', () => {
    expect(files['google/agent/agent.json']).toMatchObject({ language: 'ru', webhook: { url: 'https://bot.example.com/webhook/dialogflow' } });
    expect(files['google/agent/intents/task.create.json']).toMatchObject({ name: 'task.create', webhookUsed: true });
    const ru = files['google/agent/intents/task.create_usersays_ru.json'] as { data: { text: string }[] }[];
    expect(ru.map((u) => u.data[0]!.text)).toContain('Поставь задачу на Сергея Иванова на следующий вторник в 13:15');
  });
  it('carries every command of the dialogue, the reading and changing ones included, to Dialogflow and Alice', () => {
    for (const name of ['agenda.query', 'task.complete', 'task.update', 'event.update', 'event.cancel']) {
      expect(files[`google/agent/intents/${name}.json`]).toMatchObject({ name, webhookUsed: true });
      expect((files[`google/agent/intents/${name}_usersays_ru.json`] as unknown[]).length).toBeGreaterThan(0);
      expect((files[`google/agent/intents/${name}_usersays_en.json`] as unknown[]).length).toBeGreaterThan(0);
    }
    expect((files['alice/skill.json'] as { examples: string[] }).examples).toEqual(expect.arrayContaining(['Что у меня завтра?', 'Перенеси встречу с Антоном на четверг в 15']));
  });
  it('is stable: the same intents give the same files', () => {
    expect(buildSkillFiles(loadTexts(), 'https://bot.example.com/')).toEqual(files);
  });
  it('points Alice and Bitrix24 at our endpoints', () => {
    expect(files['alice/skill.json']).toMatchObject({ webhook: 'https://bot.example.com/webhook/alice' });
    expect(files['bitrix24/app.json']).toMatchObject({ handlerUrl: 'https://bot.example.com/webhook/bitrix', installUrl: 'https://bot.example.com/install' });
  });
});
