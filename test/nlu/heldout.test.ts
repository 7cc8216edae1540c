/**
 * The held-out sets: spoken Russian and English commands as managers say them (no punctuation or
 * capitals, numbers as words, fillers, slots in any order, people in every case and short form),
 * with gold answers per ../shared/spec/nlu.md, against the demo portal (../shared/corpus/
 * directory.json) and two directories of other names (fixtures/directory-2.json: Ёлкин and
 * Ёлкина, Вера/Роза/Надежда/Любовь, Римская-Корсакова, Петров-Водкин, two Дмитрия, Grace, Mark;
 * fixtures/directory-3.json: Толстой, Белая, Лебедь, Кузнец, Лилия, Рустам, Will, June).
 * Scored with the shared scorer (heldout-harness.ts); the floors are what the parser reaches, so a
 * regression fails. The lines still failing, and why, are listed in docs/nlu-heldout.md:
 *   ho-ru22-002 "задача ивановой мари на завтра подготовить приказ" ("мари", a 4-letter mishearing of
 *               "марии", is too short to be taken as misheard (nlu.md), so it stays in the title)
 *   ho-ru26-008 "создай встречу с карининой командой" (a possessive "Каринина" is taken as a misheard
 *               Карина, two letters off)
 * Слава: blind5-ru's writer took it for Станислав too (blind5ru-008, -063 expect Вячеслав and
 * Станислав); three other independent writers (heldout-ru's ho-ru8-013, blind 7, blind 9) took it
 * for Вячеслав/Ярослав alone, Станислав being Стас. The parser follows the three (a rare short
 * form yields to a usual one, diminutives.yaml "rare"), so blind5-ru stands at 148, not 150.
 * heldout-probe.jsonl (blind 142/160, now 160).
 */
import { createParser, type Parser } from '../../src/nlu';
import { scoreFile } from './heldout-harness';

const FLOORS: [string, number][] = [
  // 759 from batch 94 on: "напиши … о том что сервер упал" gives the text "сервер упал", as two
  // blind writers (batches 47 and 94) and nlu.md's markers have it; ho-ru11-030 kept "о том что".
  ['heldout-ru.jsonl', 759],
  ['heldout-en.jsonl', 211],
  // 120 ru + 40 en chat- and speech-style commands written later by another hand; blind: 142/160.
  ['heldout-probe.jsonl', 160],
  // Blind batch 1 (2026-12-06): 150 ru + 100 en by another hand against a new directory
  // (fixtures/directory-blind-1.json, speaker 10), scored before any fix: 143/150 and 93/100;
  // after fixing the kinds of miss (test/nlu/blind1-kinds.test.ts, unseen-kinds.test.ts): 150/150 and 100/100.
  ['heldout-blind1-ru.jsonl', 150],
  ['heldout-blind1-en.jsonl', 100],
  // Blind batch 2 (2026-12-06): 150 ru + 100 en, chat-typed and spoken, by another hand against a
  // new directory (fixtures/directory-blind-2.json, speaker 1, "now" Tue 2026-12-22 16:45), scored
  // before any fix: 132/150 and 94/100; after fixing the kinds of miss (test/nlu/blind2-kinds.test.ts):
  // 150/150 and 100/100.
  ['heldout-blind2-ru.jsonl', 150],
  ['heldout-blind2-en.jsonl', 100],
  // Blind batch 3 (2026-12-06): 150 ru + 100 en, mostly spoken (self-repairs, fillers), a third hand,
  // fixtures/directory-blind-3.json; blind 137/150 and 90/100; after blind3-kinds-{ru,en}: 150 and 100.
  ['heldout-blind3-ru.jsonl', 150],
  ['heldout-blind3-en.jsonl', 100],
  // Blind batch 4 (2026-12-06): 120 ru + 80 en, half spoken and half typed, a fourth hand,
  // fixtures/directory-blind-4.json; blind 111/120 and 77/80; after blind4-kinds: 116 and 79; after homophones, resumed pronouns and "write to <lower-case name>": 120 and 80.
  ['heldout-blind4-ru.jsonl', 120],
  ['heldout-blind4-en.jsonl', 80],
  // Blind batch 5 (2026-12-06, third session): 150 ru + 100 en by two more hands, each with its own
  // directory (fixtures/directory-blind-5ru.json, speaker in Asia/Yekaterinburg; directory-blind-5en.json,
  // Latin names with some Cyrillic users). Blind on 69fe4c2: 136/150 and 74/100; after the kinds
  // fixed (blind5-kinds, blind5-kinds-en, blind5ru-kinds: short forms, double surnames, hesitations,
  // wake words, words a recogniser glues or cuts, English persons in lower case, …): see docs.
  ['heldout-blind5-ru.jsonl', 148],
  ['heldout-blind5-en.jsonl', 100],
  // Blind batch 6 (2026-12-06, third session): 150 ru + 100 en by two more hands, directories
  // fixtures/directory-blind-6ru.json and directory-blind-6en.json (speaker in Europe/Berlin).
  // Blind on fd260de: 144/150 and 82/100 (the session's first commit, 5228454: 142 and 77).
  ['heldout-blind6-ru.jsonl', 150],
  ['heldout-blind6-ru.jsonl', 150],
  ['heldout-blind6-en.jsonl', 100],
  // Blind batch 7 (2026-12-06, third session): 150 ru (Asia/Novosibirsk) + 100 en (Asia/Dubai) by
  // two more hands, directories fixtures/directory-blind-7ru.json and -7en.json. Blind on caf47ba:
  // 139/150 and 92/100 (the session's first commit, 5228454: 141 and 81).
  ['heldout-blind7-ru.jsonl', 150],
  ['heldout-blind7-en.jsonl', 100],
  // Blind batch 8 (2026-12-06, third session): 150 ru (Asia/Yekaterinburg) + 100 en
  // (America/Chicago), long commands with several slots, slang and abbreviations, by two more
  // hands. Blind on b973f3c: 133/150 and 85/100 (the session's first commit, 5228454: 124 and 72).
  ['heldout-blind8-ru.jsonl', 150],
  ['heldout-blind8-en.jsonl', 100],
  // Blind batch 9 (2026-12-06, third session): 150 ru (Asia/Yekaterinburg) + 100 en
  // (America/Los_Angeles), everyday commands across all intents, two more hands. Blind on 7994656:
  // 141/150 and 92/100 (the session's first commit, 5228454: 139 and 82). After the kinds of
  // blind9-kinds-ru/-en.test.ts and the Слава decision (not blind): 150 and 100.
  ['heldout-blind9-ru.jsonl', 150],
  ['heldout-blind9-en.jsonl', 100],
  // Blind batch 10 (2026-12-06, third session): 150 ru (Asia/Yekaterinburg) + 100 en
  // (America/Toronto), two more hands. Blind on a04051f: 145/150 and 93/100 (the session's first
  // commit, 5228454: 142 and 84). After the kinds of blind10-kinds-ru/-en (not blind): 149 and 100;
  // the Russian line left is "лиду ООО Стройресурс", whose gold disagrees with probe p-098.
  ['heldout-blind10-ru.jsonl', 150],
  ['heldout-blind10-en.jsonl', 100],
  // Blind batch 11 (2026-12-06, third session): 150 ru (Asia/Yekaterinburg) + 100 en
  // (Asia/Kolkata), two more hands. Blind on 1efe6b8: 149/150 and 95/100, 97.6 % together (the
  // session's first commit, 5228454: 148 and 87). All fixed in the fourth session.
  ['heldout-blind11-ru.jsonl', 150],
  ['heldout-blind11-en.jsonl', 100],
  // Blind batch 12 (2026-12-06, third session): 150 ru (Asia/Novosibirsk) + 100 en
  // (Europe/Lisbon), two more hands. Blind on a01d6ab: 148/150 and 96/100, 97.6 % together (the
  // session's first commit, 5228454: 140 and 86, 90.4 %). All fixed in the fourth session.
  ['heldout-blind12-ru.jsonl', 150],
  ['heldout-blind12-en.jsonl', 100],
  // Blind batch 13 (2026-12-06, fourth session): 150 ru + 150 en (both Europe/Moscow), two more
  // hands. Blind on d6a7436: 147/150 and 140/150, 95.7 % together (the session's first commit,
  // d43f5cf: 147 and 139). See docs/nlu-heldout.md.
  ['heldout-blind13-ru.jsonl', 150],
  ['heldout-blind13-en.jsonl', 150],
  // Blind batch 14 (2026-12-06, fourth session): 150 ru (Asia/Yekaterinburg) + 150 en
  // (Europe/Moscow), two more hands, sealed while 11–13 were fixed. Blind on 7940d05: 147/150 and
  // 136/150, 94.3 % (the session's first commit, d43f5cf: 147 and 134).
  ['heldout-blind14-ru.jsonl', 150],
  ['heldout-blind14-en.jsonl', 150],
  // Blind batch 15 (2026-12-06, fourth session): 150 ru (Asia/Yekaterinburg) + 150 en
  // (Europe/Moscow), two more hands. Blind on fdf3641: 147/150 and 133/150, 93.3 % (the session's
  // first commit, d43f5cf: 147 and 130).
  ['heldout-blind15-ru.jsonl', 150],
  ['heldout-blind15-en.jsonl', 150],
  // Blind batch 16 (2026-12-06, fourth session), hard by design (a fifth of the lines the hardest
  // the writers could make): 150 ru + 150 en (Asia/Novosibirsk). Blind on bd812a3: 141/150 and
  // 132/150, 91.0 % (the session's first commit, d43f5cf: 141 and 127). After its kinds: 150 and 148
  // (left: a date range with dates at both ends, "the new loaders" after a colon). The fifth
  // session fixed the date range: 149.
  ['heldout-blind16-ru.jsonl', 150],
  ['heldout-blind16-en.jsonl', 150],
  // Blind batch 17 (2026-12-06, fourth session), the latest: 150 ru + 150 en (Europe/Moscow), two
  // more hands, scored after all the session's fixes. Blind on 83aa68b: 144/150 and 144/150, 96.0 %
  // (the session's first commit, d43f5cf: 143 and 136, 93.0 %). After its kinds (not blind): 147 and
  // 149; the fifth session's acknowledgement lead-ins ("Готово, можешь закрыть …"): 148.
  ['heldout-blind17-ru.jsonl', 149],
  ['heldout-blind17-en.jsonl', 150], // 150 after batch 90 (an event has no deadline: "Festival submission deadline")
  // Blind batch 18 (2026-12-06, fifth session): 150 ru (a logistics company, Asia/Yekaterinburg)
  // + 150 en (a university department, Europe/London), two more hands. Blind on 30b96d5+ (the
  // session's first two fixes, made before it was read): 149/150 and 142/150, 97.0 % (the
  // session's first commit, a8e9d40: the same). After its kinds: 150 and 150.
  ['heldout-blind18-ru.jsonl', 150],
  ['heldout-blind18-en.jsonl', 150],
  // Blind batch 19 (2026-12-06, fifth session): 150 ru (a pharmacy chain, Asia/Novosibirsk) + 150
  // en (a construction contractor, Asia/Dubai), written with 18 and kept sealed until 18's kinds
  // were fixed. Blind on 4311c17: 145/150 and 142/150, 95.7 % (the session's first commit,
  // a8e9d40: 145 and 141, 95.3 %); one English miss was 4311c17's own ("deadline" made a task
  // noun, fixed). After its kinds: 150 and 150.
  ['heldout-blind19-ru.jsonl', 150],
  ['heldout-blind19-en.jsonl', 150],
  // Blind batch 20 (2026-12-06, fifth session): 150 ru (car dealerships, a Saturday,
  // Asia/Yekaterinburg) + 150 en (a marketing agency, early Monday, Europe/London), written while
  // 18 and 19 were fixed. Blind on 9fd60b1: 147/150 and 141/150, 96.0 % (the session's first
  // commit, a8e9d40: the same lines). After its kinds: 150 and 150.
  ['heldout-blind20-ru.jsonl', 150],
  ['heldout-blind20-en.jsonl', 150],
  // Blind batch 21 (2026-12-06, fifth session): 150 ru (a school network, Tuesday evening,
  // Asia/Krasnoyarsk) + 150 en (an events organiser, Australian forms among others,
  // Europe/London). Blind on 74a79bd: 149/150 and 140/150, 96.3 % (the session's first commit,
  // a8e9d40: 147 and 139, 95.3 %). After its kinds: 150 and 150.
  ['heldout-blind21-ru.jsonl', 150],
  ['heldout-blind21-en.jsonl', 150],
  // Blind batch 22 (2026-12-06, fifth session): 150 ru (an insurer, Friday morning, Europe/Samara)
  // + 150 en (a software company: dev jargon, chat shorthand, Europe/London). Blind on 716368c:
  // 146/150 and 134/150, 93.3 % (the session's first commit, a8e9d40: 144 and 133, 92.3 %). After
  // its kinds: 150 and 150 (one convention changed: a length said before the kind of meeting gives
  // the end, so heldout-en's ho-en22-004 gold has one now; docs/nlu-heldout.md).
  ['heldout-blind22-ru.jsonl', 150],
  ['heldout-blind22-en.jsonl', 150],
  // Blind batch 23 (2026-12-06, fifth session): 150 ru (an agricultural holding, Asia/Barnaul) + 150
  // en (a clinic chain, Asia/Dubai), written with 22 and kept sealed until 22's kinds were fixed.
  // Blind on ca61f79: 142/150 and 143/150, 95.0 % (the session's first commit, a8e9d40: 141 and
  // 140, 93.7 %). After its kinds: 149 and 150 (left: "для John Deere" — a brand that is a name).
  ['heldout-blind23-ru.jsonl', 149],
  ['heldout-blind23-en.jsonl', 150],
  // Blind batch 24 (2026-12-06, fifth session): 150 ru (a furniture factory, Asia/Yekaterinburg) +
  // 150 en (a freight forwarder, Europe/Amsterdam), scored after the fixes of 18–23. Blind on
  // 4e08b34: 148/150 and 144/150, 97.3 % (the session's first commit, a8e9d40: 146 and 140,
  // 95.3 %). After its kinds: 150 and 147 (left: "create one task give Wang Hao" — a non-native
  // "give" for "for"; "oleg brag in" — a surname split in two; "slava" for two users, one rare).
  ['heldout-blind24-ru.jsonl', 150],
  ['heldout-blind24-en.jsonl', 147],
  // Blind batch 25 (2026-12-06, fifth session): 150 ru (a broadcaster, Asia/Omsk) + 150 en (fitness
  // clubs, Irish and Filipino forms among others, Europe/Dublin), written with 24. Blind on
  // d5acac1: 150/150 and 137/150, 95.7 % (the session's first commit, a8e9d40: 149 and 134,
  // 94.3 %). After its kinds: 150 and 147 (left: "Ms Elvira Kim" — an honorific before a full
  // name; "storm peterson" lower case after "new task for"; "greg" read as Григорий's Greg).
  ['heldout-blind25-ru.jsonl', 150],
  ['heldout-blind25-en.jsonl', 148],
  // Blind batch 26 (2026-12-06, fifth session), the latest: 150 ru (a law firm, Asia/Yekaterinburg) +
  // 150 en (a hotel group, Europe/Rome), scored after all the session's fixes. Blind on 82d2a23:
  // 147/150 and 142/150, 96.3 % (the session's first commit, a8e9d40: 147 and 139, 95.3 %). After
  // its small kinds (busy/free questions, "si", "the text should be", "linen", a person after
  // "with" is no object of "have"): 147 and 146.
  ['heldout-blind26-ru.jsonl', 147],
  ['heldout-blind26-en.jsonl', 147], // 147 after batch 100 ("move my task due tomorrow to saturday": the due date is the old value)
  // Blind batch 27 (2026-12-06, sixth session), scored after batch 28's fixes, on fc1f94c: 150 ru (a
  // logistics company, Asia/Novosibirsk) 146/150 and 150 en (a software outsourcer: Indian, Polish,
  // Vietnamese, American staff, Europe/Warsaw) 139/150, 95.0 % (the session's first commit 7038853:
  // 146 and 138). After its kinds (blind27-kinds.test.ts): 149 and 150.
  ['heldout-blind27-ru.jsonl', 149],
  ['heldout-blind27-en.jsonl', 150],
  // Blind batch 153 (2026-12-08, seventeenth session), the session's latest: plain everyday commands,
  // 150 ru (a Nizhny Novgorod children's clinic network, Europe/Moscow) and 150 en (a Thessaloniki
  // olive-oil exporter, Greek English's second batch, Europe/Athens), scored blind on b1c53b9: 149/150 and
  // 144/150, 97.7 %. After its kinds (blind152-kinds.test.ts): 149 and 150 (left: "позвонить маме Миши
  // Голубева" — a stranger's genitive after a noun is whose mother, no responsible).
  ['heldout-blind153-ru.jsonl', 149],
  ['heldout-blind153-en.jsonl', 150],
  // Blind batch 152 (2026-12-08, seventeenth session): plain everyday commands, 150 ru (a Chelyabinsk
  // pipe plant's sales office, Asia/Yekaterinburg) and 150 en (a Chicago food-ingredients importer, a
  // Midwestern US team, America/Chicago), scored blind on b1c53b9: 149/150 and 146/150, 98.3 %. After its
  // kinds (blind152-kinds.test.ts): 149 and 149 (left: "про сверку с Металлоторгом", a company read as a
  // stranger inside the query; "ping jose real quick and tell him …").
  ['heldout-blind152-ru.jsonl', 149],
  ['heldout-blind152-en.jsonl', 149],
  // Blind batch 151 (2026-12-08, seventeenth session): plain everyday commands,
  // 150 ru (a Karelian granite quarry, Europe/Moscow) and 150 en (a Toronto mining-equipment distributor, a
  // mixed Canadian team, America/Toronto), scored blind on b5943c9: 149/150 and 149/150, 99.3 %. After its
  // kinds (blind149-kinds.test.ts): 150 and 150.
  ['heldout-blind151-ru.jsonl', 150],
  ['heldout-blind151-en.jsonl', 150],
  // Blind batch 150 (2026-12-08, seventeenth session): plain everyday commands,
  // 150 ru (a Samara Bitrix24 integrator, IT slang, Europe/Samara) and 150 en (a London sales office of a
  // Russian CRM vendor, a mixed British, Irish, Nigerian, Indian, Spanish, Romanian and Russian team,
  // Europe/London), scored blind on 3c5ac44: 146/150 and 144/150, 96.7 %. After its kinds
  // (blind149-kinds.test.ts): 147 and 147 (left: "наденьку" — tender forms are not in diminutives.yaml;
  // Слава for a Станислав, writers split three to three; "мадине" — nlu.md's rule makes a known name a
  // letter off a user's, same first letter, that user misheard (Марина), the writer a stranger; companies
  // read as strangers: "for Harland & Co.", "with brightwell").
  ['heldout-blind150-ru.jsonl', 147],
  ['heldout-blind150-en.jsonl', 147],
  // Blind batch 149 (2026-12-08, seventeenth session): plain everyday commands, 150 ru (an Omsk bus and
  // taxi operator, Asia/Omsk) and 150 en (a Yerevan brandy exporter, Armenian English — a new group,
  // Asia/Yerevan), scored blind on 3c5ac44: 150/150 and 137/150, 95.7 %. After its kinds
  // (blind149-kinds.test.ts): 150 and 148 (left: "for Simple Wine, assign to Lusine", a company before
  // the assignee; "egiazaryan" for a Yeghiazaryan).
  ['heldout-blind149-ru.jsonl', 150],
  ['heldout-blind149-en.jsonl', 148],
  // Blind batch 148 (2026-12-08, seventeenth session): plain everyday commands,
  // 150 ru (a winery near Krasnodar and Anapa, Europe/Moscow) and 150 en (a Helsinki forestry-machinery
  // service office, Finnish English — a new group, Europe/Helsinki), scored blind on 0537aa8: 149/150 and
  // 138/150, 95.7 %. After its kinds (blind147-kinds.test.ts): 149 and 148 (left: "скоринг лида винотеки
  // гранд крю" — the dictionary has no винотека to put in the nominative; "book hotel for Tampere trip", a
  // city read as a stranger; "cancel this call" — nlu.md gives a kind of meeting as the query, the writer {}).
  ['heldout-blind148-ru.jsonl', 149],
  ['heldout-blind148-en.jsonl', 149], // 149 with 152's kinds ("for Tampere trip": a city)
  // Blind batch 147 (2026-12-08, seventeenth session): plain everyday commands, 150 ru (an Arkhangelsk
  // sawmill and timber port, Europe/Moscow) and 150 en (a Piraeus ship manager, Greek English — a new
  // group, Europe/Athens), scored blind on 0537aa8: 150/150 and 129/150, 93.0 %. After its kinds
  // (blind147-kinds.test.ts): 150 and 148 (left: "takis has to check … put it as a task", the person first
  // and the command at the end; "no not tomorrow the day after").
  ['heldout-blind147-ru.jsonl', 150],
  ['heldout-blind147-en.jsonl', 148],
  // Blind batch 146 (2026-12-08, seventeenth session): plain everyday commands,
  // 150 ru (a pharmacy chain in Tula and Ryazan, Europe/Moscow) and 150 en (a Hyderabad contract-research
  // office, Indian English's second batch with Telugu, Asia/Kolkata), scored blind on 757159e: 150/150 and
  // 143/150, 97.7 %. After its kinds (blind145-kinds.test.ts): 150 and 149 (left: "today itself" inside a
  // message's text).
  ['heldout-blind146-ru.jsonl', 150],
  ['heldout-blind146-en.jsonl', 149],
  // Blind batch 145 (2026-12-08, seventeenth session): plain everyday commands, 150 ru (a Volgograd grain
  // elevator and river port, Europe/Volgograd) and 150 en (a Dubai facilities-management company, Gulf
  // English's second batch, Asia/Dubai), scored blind on 757159e: 149/150 and 144/150, 97.7 %. After its
  // kinds (blind145-kinds.test.ts): 150 and 148 (left: "Pria" — the writer a stranger, we a Priya a letter
  // off; "a call with Emaar", a company; "umm khalid" — umm is also a hesitation).
  ['heldout-blind145-ru.jsonl', 150],
  ['heldout-blind145-en.jsonl', 148],
  // Blind batch 144 (2026-12-08, seventeenth session): plain everyday commands,
  // 150 ru (a Baikal tour operator and hotel in Irkutsk, Asia/Irkutsk) and 150 en (a Guangzhou electronics
  // trader, mainland Chinese English's second batch, Asia/Shanghai), scored blind on c7dce1b: 149/150 and
  // 139/150, 96.0 %. After its kinds (blind143-kinds.test.ts): 150 and 145 (left: "give kovalenco task
  // customs declaration …" read as a change; "remind me at 3 check …", the hour with no "to"; "xiao zhou",
  // "xiao ming" — Xiao before a stranger's surname, and a given name Xiaoming split in two; "deadline ->
  // tomorrow 6pm", the arrow as the new value's marker).
  ['heldout-blind144-ru.jsonl', 150],
  ['heldout-blind144-en.jsonl', 146], // 146 with 145's kinds ("give kovalenco task …" a new task)
  // Blind batch 143 (2026-12-08, seventeenth session): plain everyday commands, 150 ru (a dairy
  // cooperative near Kurgan, Asia/Yekaterinburg) and 150 en (an Addis Ababa coffee exporter, Ethiopian
  // English's second batch, Africa/Addis_Ababa), scored blind on c7dce1b: 148/150 and 144/150, 97.3 %.
  // After its kinds (blind143-kinds.test.ts): 150 and 149 (left: "yonas tadesse wolde" with two Yonases,
  // the grandfather's name after a full name).
  ['heldout-blind143-ru.jsonl', 150],
  ['heldout-blind143-en.jsonl', 149],
  // Blind batch 142 (2026-12-08, seventeenth session): plain everyday commands,
  // 150 ru (a Murmansk fishing port and cold store, Europe/Moscow) and 150 en (a Wrocław software house,
  // Polish English's second batch, Europe/Warsaw), scored blind on d5e5380: 149/150 and 149/150, 99.3 %.
  // After its kinds (blind141-kinds.test.ts): 149 and 150 (left: "по судну Капитан Гончаров", a ship's
  // name read as a stranger).
  ['heldout-blind142-ru.jsonl', 149],
  ['heldout-blind142-en.jsonl', 150],
  // Blind batch 141 (2026-12-08, seventeenth session): plain everyday commands, 150 ru (a Kostroma linen
  // mill, Europe/Moscow) and 150 en (a Nagoya auto-parts supplier, Japanese English's second batch,
  // Asia/Tokyo), scored blind on d5e5380: 148/150 and 143/150, 97.0 %. After its kinds
  // (blind141-kinds.test.ts): 149 and 150 (left: Слава for a Станислав — this writer took both, three
  // of five so far took Станислав as Стас only).
  ['heldout-blind141-ru.jsonl', 149],
  ['heldout-blind141-en.jsonl', 150],
  // Blind batch 140 (2026-12-08, sixteenth session), that session's latest: plain everyday commands,
  // 150 ru (a Kaliningrad amber and furniture company, Lithuanian, Polish and German-Russian names,
  // Europe/Moscow) and 150 en (a Bengaluru software-services company, Indian English, Asia/Kolkata), scored
  // blind on 4a700f3: 147/150 and 143/150, 96.7 %. After its kinds (blind139-kinds.test.ts): 148 and 148
  // (left: "Задачу про лак Кирилл уже закрыл", news; "for karthick" a Karthik; "today itself" respelt inside
  // a message's text). Seventeenth session: "к чёрной пятнице" a day's name, no Friday
  // (test/nlu/dates/common/named_day.test.ts): 149.
  ['heldout-blind140-ru.jsonl', 149],
  ['heldout-blind140-en.jsonl', 148],
  // Blind batch 139 (2026-12-08, sixteenth session): plain everyday commands, 150 ru (a Tolyatti car-parts
  // supplier, Europe/Samara) and 150 en (a Johor Bahru logistics company, Malaysian English's third batch,
  // Asia/Kuala_Lumpur), scored blind on 4a700f3: 150/150 and 139/150, 96.3 %. After its kinds
  // (blind139-kinds.test.ts): 150 and 145 (left: "for Bay C, assign to Kavitha"; two Faizals; "message joy
  // can or not …"; "Kavitha got any late tasks or not?"; "The task for Jimmy about racking - change due
  // date …", the object before its verb).
  ['heldout-blind139-ru.jsonl', 150],
  ['heldout-blind139-en.jsonl', 145],
  // Blind batch 138 (2026-12-07, sixteenth session): plain everyday commands,
  // 150 ru (a Chita railway-logistics and timber-export company, Buryat and Evenk names, Asia/Chita) and
  // 150 en (an Abu Dhabi oilfield-services company, Gulf English's first batch, Asia/Dubai), scored blind
  // on 998cab1: 149/150 and 145/150, 98.0 %. After its kinds (blind137-kinds.test.ts): 150 and 148 (left:
  // "call umm khalid" — "umm" a hesitation here, a kunya there; "Abu Yousef", a father called by his son's
  // name, read as the colleague Yousef).
  ['heldout-blind138-ru.jsonl', 150],
  ['heldout-blind138-en.jsonl', 149], // 149 with 145's kinds ("Abu Yousef", a kunya, is nobody here)
  // Blind batch 137 (2026-12-07, sixteenth session): plain everyday commands, 150 ru (a Yoshkar-Ola
  // instrument-making plant, Mari and Chuvash names, Europe/Moscow) and 150 en (a Newcastle subsea cable
  // firm, Geordie English's second batch, Europe/London), scored blind on 998cab1: 149/150 and 143/150,
  // 97.3 %. After its kinds (blind137-kinds.test.ts): 150 and 150.
  ['heldout-blind137-ru.jsonl', 150],
  ['heldout-blind137-en.jsonl', 150],
  // Blind batch 136 (2026-12-07, sixteenth session): plain everyday commands,
  // 150 ru (a Bryansk confectionery plant, Belarusian, Ukrainian, Roma and Jewish names, Europe/Moscow)
  // and 150 en (a Davao banana and coconut exporter, Philippine English and Bisaya's third batch,
  // Asia/Manila), scored blind on 2acb631: 144/150 and 134/150, 92.7 %. After its kinds
  // (blind135-kinds.test.ts): 148 and 147 (left: "славе" — the writer leaves Мирослава out of Слава;
  // "Chris" — nor a Cristina in, as three writers of four had it; "cancel this meeting po" — "po" kept in
  // a query, where it may be a purchase order).
  ['heldout-blind136-ru.jsonl', 148],
  ['heldout-blind136-en.jsonl', 147],
  // Blind batch 135 (2026-12-07, sixteenth session): plain everyday commands, 150 ru (an Abakan coal and
  // power company, Khakas and Tuvan names, Asia/Krasnoyarsk) and 150 en (a Shenzhen electronics-components
  // supplier, mainland Chinese English's first batch, Asia/Shanghai), scored blind on 2acb631: 150/150 and
  // 125/150, 91.7 %. Twelve of its English lines had "next week" a week late (see its notes); corrected,
  // the same parser scored 135/150 (95.0 % for the batch). After its kinds (blind135-kinds.test.ts): 150
  // and 147 (left: "sales report for April for Fang Wang" with a user April; "team lunch with jacky sunny
  // and bill" — sunny a word; "write vadem …" for Vadim).
  ['heldout-blind135-ru.jsonl', 150],
  ['heldout-blind135-en.jsonl', 147],
  // Blind batch 134 (2026-12-07, sixteenth session): plain everyday commands,
  // 150 ru (a Lipetsk steel-rolling plant, Mordvin, Armenian, Azerbaijani names, Europe/Moscow) and 150 en
  // (an Addis Ababa coffee exporter, Ethiopian English's first batch, Africa/Addis_Ababa), scored blind on
  // f01472f: 149/150 and 126/150, 91.7 %. After its kinds (blind133-kinds.test.ts): 150 and 150.
  ['heldout-blind134-ru.jsonl', 150],
  ['heldout-blind134-en.jsonl', 150],
  // Blind batch 133 (2026-12-07, sixteenth session): plain everyday commands, 150 ru (a Blagoveshchensk
  // soybean processor, Korean, Evenk and Chinese-Russian names, Asia/Yakutsk) and 150 en (a Gdansk
  // ship-supplies company, Polish English's first batch, Europe/Warsaw), scored blind on f01472f:
  // 146/150 and 122/150, 89.3 %. After its kinds (blind133-kinds.test.ts): 149 and 149 (left: "напиши
  // гречке" for a Гречко, an indeclinable surname declined; "send message to Alex" — we read Oleksandr
  // as an Alex too).
  ['heldout-blind133-ru.jsonl', 149],
  ['heldout-blind133-en.jsonl', 149],
  // Blind batch 132 (2026-12-07, sixteenth session): plain everyday commands,
  // 150 ru (a Syktyvkar pulp-and-paper mill, Komi names, Europe/Moscow) and 150 en (an Izmir
  // dried-fruit exporter, Turkish English's second batch, Europe/Istanbul), scored blind on 2427705:
  // 148/150 and 141/150, 96.3 %. After its kinds (blind131-kinds.test.ts): 150 and 149 (left: "Ayşe'ye bir
  // task aç: …" — Turkish "aç" folds to "ac", a noun of natural's lexicon).
  ['heldout-blind132-ru.jsonl', 150],
  ['heldout-blind132-en.jsonl', 149],
  // Blind batch 131 (2026-12-07, sixteenth session): plain everyday commands, 150 ru (a Vladikavkaz
  // mineral-water and brewing company, Ossetian names, Europe/Moscow) and 150 en (an Osaka
  // precision-tools trading office, Japanese English's first batch, Asia/Tokyo), scored blind on
  // 2427705: 147/150 and 128/150, 91.7 %. After its kinds (blind131-kinds.test.ts): 148 and 150 (left:
  // "напиши саркисян" — we read the woman, the only dative of the two, the writer both; "лида гастроном на
  // кирова" — a street after "на" ends the name).
  ['heldout-blind131-ru.jsonl', 148],
  ['heldout-blind131-en.jsonl', 150],
  // Blind batch 130 (2026-12-07, fifteenth session): plain everyday commands,
  // 150 ru (a Surgut pipeline-maintenance contractor on rotation, Khanty, Avar, Lezgin names,
  // Asia/Yekaterinburg) and 150 en (a Tripoli olive-oil exporter, Lebanese English's second batch,
  // Asia/Beirut), scored blind on cb8ec0e: 148/150 and 137/150, 95.0 %. After its kinds (sixteenth
  // session, blind130-kinds.test.ts): 150 and 150.
  ['heldout-blind130-ru.jsonl', 150],
  ['heldout-blind130-en.jsonl', 150],
  // Blind batch 129 (2026-12-07, fifteenth session): plain everyday commands, 150 ru (a Tambov seed
  // and fertiliser distributor, Europe/Moscow) and 150 en (a Sheffield cutlery and tool maker,
  // Yorkshire English's second batch, Europe/London), scored blind on d65d2ce: 147/150 and 134/150,
  // 93.7 %. After its kinds (blind128-kinds.test.ts): 147 and 145 (left: «Защита подсолнечника» as
  // the title after "вебинар для агрономов"; "с ерланом" in lower case; "для хозяйства Бурцева" — a
  // stranger's genitive in the query; "a week on tuesday"; "in the diary with the cutlers company";
  // "with our mark" — mark a word too; "calendar: …" opening an event; "put the sync … back an hour").
  ['heldout-blind129-ru.jsonl', 147],
  ['heldout-blind129-en.jsonl', 145],
  // Blind batch 128 (2026-12-07, fifteenth session): plain everyday commands, 150 ru (an Izhevsk
  // motorcycle- and machine-parts plant, Udmurt names, Europe/Samara) and 150 en (an Istanbul
  // home-textiles buying office, Turkish English's first batch, Europe/Istanbul), scored blind on
  // d65d2ce: 149/150 and 120/150, 89.7 %. After its kinds (blind128-kinds.test.ts): 150 and 136 (left:
  // the object said before its verb — "my meeting at three move to half past four", "the inspection
  // report task put on umut bulut"; "… make it a task"; "how I use you for tasks?"; "create a desk
  // for …"; "okay okay go"; "Yes pls, create"; "Task about … — finished, please close").
  ['heldout-blind128-ru.jsonl', 150],
  ['heldout-blind128-en.jsonl', 137], // 137 after batch 139 ("Task about … — finished, please close")
  // Blind batch 127 (2026-12-07, fifteenth session): plain everyday commands,
  // 150 ru (a Yakutsk diamond-cutting and jewellery company, Sakha and Evenk names, Asia/Yakutsk) and
  // 150 en (a Cebu furniture and handicraft exporter, Philippine English's second batch, Asia/Manila),
  // scored blind on d65d2ce: 147/150 and 132/150, 93.0 %. After its kinds (blind126-kinds.test.ts):
  // 150 and 147 (left: "remind me po to …" — "po" stays a title word, as "PO" is one; "slight
  // correction lang, message …"; "unsa akong schedule karon", a question all in Cebuano). 148 after
  // batch 136 ("po" next to the command's words is Filipino politeness unless written "PO").
  ['heldout-blind127-ru.jsonl', 150],
  ['heldout-blind127-en.jsonl', 148],
  // Blind batch 126 (2026-12-07, fifteenth session): plain everyday commands, 150 ru (a Tver
  // glass-container factory, Europe/Moscow) and 150 en (a Penang electronics contract manufacturer,
  // Malaysian English's second batch, Asia/Kuala_Lumpur), scored blind on d65d2ce: 149/150 and
  // 132/150, 93.7 %. After its kinds (blind126-kinds.test.ts): 149 and 145 (left: "Скинь Стрельцову в
  // чат, что …" — the channel left in the text; "can create task for Kavita or not? need her to …";
  // "title: NPI gate review" said after the meeting; "amirul low stock" with an Eric Low here;
  // "tomorrow i got what meetings ah"; "Got anything on this weekend?").
  ['heldout-blind126-ru.jsonl', 150], // 150 after batch 134 ("Скинь … в чат, что …")
  ['heldout-blind126-en.jsonl', 145],
  // Blind batch 125 (2026-12-07, fourteenth session), that session's latest: plain everyday commands,
  // 150 ru (a Kyzyl road-construction and quarry company, Tuvan names, Asia/Krasnoyarsk) and 150 en (a
  // Lahore surgical-instruments exporter, Pakistani English's second batch, Asia/Karachi), scored
  // blind on 773126c: 148/150 and 140/150, 96.0 %. After its kinds (blind124-kinds.test.ts): 148 and
  // 142 (left: "на саяна" — a stranger's lower-case name; "у Сайлыкмы"; "chaudhry sahib" for one of
  // two Chaudhrys; "Noman bhai ko task do"; "responsible Sajid Mehmood. deadline …"; "klaus cook";
  // "Meeting with … about the Hamburg order"; "Transfer task 577 to … with deadline …"; "leave it, no
  // need").
  ['heldout-blind125-ru.jsonl', 148],
  ['heldout-blind125-en.jsonl', 143], // 143 with 145's kinds ("meeting with A and B … about …")
  // Blind batch 124 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (a Khabarovsk
  // river-shipping company, Nanai and Korean names, Asia/Vladivostok) and 150 en (an Abuja
  // construction company, Nigerian English's second batch, Africa/Lagos), scored blind on 773126c:
  // 145/150 and 140/150, 95.0 %. After its kinds (blind124-kinds.test.ts): 145 and 145 (left: "Инне
  // Цой", "Ван Лэю" leaving the surname in the title; "с ким" in lower case with a man and a woman
  // Ким; Tunde and Ify for two each; "the task of updating …"; "for sunday" — a colleague called
  // Sunday; "tomorrow by ten").
  ['heldout-blind124-ru.jsonl', 146], // 146 after batch 126 (a woman's Цой undeclined)
  ['heldout-blind124-en.jsonl', 145],
  // Blind batch 123 (2026-12-07, fourteenth session): plain everyday commands,
  // 150 ru (a Ufa refinery maintenance contractor, Bashkir and Tatar names, Asia/Yekaterinburg) and
  // 150 en (a Guadalajara electronics manufacturer, Mexican English's second batch,
  // America/Mexico_City), scored blind on 63d6288: 148/150 and 130/150, 92.7 % (Mexican short forms —
  // Lupita, Chava, Majo, Chío — and Spanish replies). After its kinds (blind122-kinds.test.ts): 148
  // and 143 (left: "на уилла мейсона" in lower case; "созвон с Уфанефтехимом"; "put a task on lupita";
  // "hernandes" for Hernández; "ingeniero ruiz esparza"; "for the weekend shift" as a date; "short
  // task for villaseñor" — the speaker's own surname).
  ['heldout-blind123-ru.jsonl', 148],
  ['heldout-blind123-en.jsonl', 143],
  // Blind batch 122 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (an Arkhangelsk
  // timber port and sawmill group, Europe/Moscow) and 150 en (a Busan shipbuilding-equipment
  // supplier, Korean English's second batch, Asia/Seoul), scored blind on 63d6288: 149/150 and
  // 143/150, 97.3 % (Korean English 143 against 137 its first time). After its kinds
  // (blind122-kinds.test.ts): 149 and 144 (left: "лида хатанзея" — a lead's name left in the
  // genitive; "for Vietnam Shipyard, assign to Mr. Nguyen"; "director kang young ho"; "jae won seo
  // ssi"; "write to hyewon" for a stranger; Marko for two; "Agenda for this month?").
  ['heldout-blind122-ru.jsonl', 149],
  ['heldout-blind122-en.jsonl', 145], // 145 with 147's kinds ("Agenda for this month?")
  // Blind batch 121 (2026-12-07, fourteenth session): plain everyday commands,
  // 150 ru (a Cheboksary electrical-equipment plant, Chuvash names, Europe/Moscow) and 150 en (a
  // Beirut pharmaceutical distributor, Lebanese English with French and Arabic words, Asia/Beirut),
  // scored blind on 435ef6a: 150/150 and 143/150, 97.7 %. After its kinds (blind120-kinds.test.ts):
  // 150 and 144 (left: "abu samir" — a stranger by his kunya; "New Year party" losing "New";
  // "meeting … with hussein and fatima about the new tender"; "Responsible: Tony."; "doctor fouad
  // haddad"; "khalas mark … as done").
  ['heldout-blind121-ru.jsonl', 150],
  ['heldout-blind121-en.jsonl', 147], // 146 after batch 130 ("khalas" before a command; Tony an Antoine); 147 with 145's kinds
  // Blind batch 120 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (a Magadan
  // gold-mining contractor, Asia/Magadan) and 150 en (a Denver outdoor-gear e-commerce company, plain
  // American English, America/Denver), scored blind on 435ef6a: 150/150 and 146/150, 98.7 % — the
  // independent-set goal met (ru 100 %, en 97.3 %). After its kinds (blind120-kinds.test.ts): 150
  // and 147 (left: "standup with Support" — a team; "meeting with grace" for a stranger in lower case);
  // 148 since "black friday" is a day's name, no date (seventeenth session).
  ['heldout-blind120-ru.jsonl', 150],
  ['heldout-blind120-en.jsonl', 148],
  // Blind batch 119 (2026-12-07, fourteenth session): plain everyday commands,
  // 150 ru (an Ivanovo textile mill, Europe/Moscow) and 150 en (a Surabaya shipyard, Indonesian
  // English's second batch, Asia/Jakarta), scored blind on ca13169: 149/150 and 141/150, 96.7 %
  // (Indonesian English 141 against 114 its first time). After its kinds (blind118-kinds.test.ts):
  // 150 and 146 (left: "horas" taken for another user; "this task give to Bu Sumarni"; "today by
  // five" leaving "today" in a title; "move task about … to Nesterov and set deadline the 20th").
  ['heldout-blind119-ru.jsonl', 150],
  ['heldout-blind119-en.jsonl', 146],
  // Blind batch 118 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (an Elista meat
  // plant and lamb exporter, Kalmyk names, Europe/Moscow) and 150 en (a Chiang Mai handicrafts
  // exporter, Thai English's second batch, Asia/Bangkok), scored blind on ca13169: 149/150 and
  // 142/150, 97.0 % (Thai English 142 against 127 its first time). After its kinds
  // (blind118-kinds.test.ts): 149 and 144 (left: "с бадмой и кермен" — a stranger's lower-case name
  // before a colleague's; "p bank", "p'somchai" — Thai P' before a nickname; "khun tanawat's
  // agenda"; "… for guangzhou" read as a person).
  ['heldout-blind118-ru.jsonl', 149],
  ['heldout-blind118-en.jsonl', 146], // 145 with 145's kinds ("for p bank": a lower-case initial of the surname); 146 with 152's ("for guangzhou", a city)
  // Blind batch 117 (2026-12-07, fourteenth session): plain everyday commands,
  // 150 ru (a Stavropol dealer of farm machinery, Europe/Moscow) and 150 en (a Newcastle
  // offshore-cable engineering firm, broad Geordie, Europe/London), scored blind on 8d4bda2:
  // 150/150 and 135/150, 95.0 %. After its kinds (blind116-kinds.test.ts): 150 and 148 (left: "put
  // a task on sam to get … in" — the particle "in" kept in the title; "what can ye dee like").
  ['heldout-blind117-ru.jsonl', 150],
  ['heldout-blind117-en.jsonl', 148],
  // Blind batch 116 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (a Tomsk
  // oil-field services company, Asia/Tomsk) and 150 en (a Manila BPO company, Philippine English and
  // Taglish, Asia/Manila), scored blind on 8d4bda2: 148/150 and 136/150, 94.7 %. After its kinds
  // (blind116-kinds.test.ts): 150 and 140 (left: a trailing "po" — no filler, "PO" is a purchase
  // order; "eod report"; "Mark" for a Mark Anthony too; "marlon ferrer" in lower case; "an all day
  // event system migration"; "joy later"; "… kay ate maricel na na-move …"; "tapos na yung task";
  // "the QBR prep meeting" as a query; "not jun jun").
  ['heldout-blind116-ru.jsonl', 150],
  ['heldout-blind116-en.jsonl', 141], // 141 after batch 126 ("ng" between verb and noun; "tapos na" a lead-in)
  // Blind batch 115 (2026-12-07, fourteenth session): plain everyday commands,
  // 150 ru (a Vologda dairy cooperative, surnames that are ordinary words, Europe/Moscow) and 150 en
  // (a Karachi home-textiles exporter, Pakistani English with Urdu words, Asia/Karachi), scored
  // blind on c6261c2: 148/150 and 144/150, 97.3 %. After its kinds (blind114-kinds.test.ts): 148 and
  // 147 (left: "что у юры на завтра" — a stranger's short form in lower case; "каждые два часа" read
  // as a time; "ek task bana do" — Urdu for "make a task"; "Sheikh family wedding" and "for eid" read
  // with persons).
  ['heldout-blind115-ru.jsonl', 148],
  ['heldout-blind115-en.jsonl', 147],
  // Blind batch 114 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (a Grozny
  // building-materials plant, Chechen and Ingush names, Europe/Moscow) and 150 en (a Lagos
  // agro-commodities exporter, Nigerian English and Pidgin, Africa/Lagos), scored blind on c6261c2:
  // 149/150 and 137/150, 95.3 %. After its kinds (blind114-kinds.test.ts): 150 and 147 (left: "uche"
  // for an Uchenna, taken where the writer kept a stranger; "for sunday" — a colleague called Sunday;
  // Amaka for a Chiamaka and a Nwamaka).
  ['heldout-blind114-ru.jsonl', 150],
  ['heldout-blind114-en.jsonl', 147],
  // Blind batch 113 (2026-12-07, fourteenth session): plain everyday commands,
  // 150 ru (a Yuzhno-Sakhalinsk port services company, Sakhalin Korean names, Asia/Sakhalin) and 150
  // en (a Kuala Lumpur palm-oil trader, Malaysian English with Encik, Puan, Datuk,
  // Asia/Kuala_Lumpur), scored blind on 6315b3e: 147/150 and 133/150, 93.3 %. After its kinds
  // (blind112-kinds.test.ts): 147 and 141 (left: "с ямадой" — a Japanese surname in lower case;
  // "у ли" — a Ли in lower case; "помоги а как тут задачи ставить"; "put a task on Encik …";
  // "Task 3318 done already, pls close"; "faizal hamid got any over due tasks or not"; "ah seng"; "eh
  // remind me tonight email the bank" — e-mail after a reminder with no "to"; "balwinder" for
  // Balvinder; "not Mark, send to Jason"; "book grab to klia" — a ride; "the task send COA to
  // Wilmar"; Raj for a Rajesh and a Rajendran taken as one).
  ['heldout-blind113-ru.jsonl', 147],
  ['heldout-blind113-en.jsonl', 143], // 142 after batch 138 ("… bin Abdullah to sign the PO": the father's name after bin is the colleague's); 143 after batch 139 (news of a task done, then "close")
  // Blind batch 112 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (a Nalchik
  // mineral-water plant, Kabardian and Balkar names, Europe/Moscow) and 150 en (a Monterrey steel
  // fabricator, Mexican English with licenciado, ingeniero, Lalo, Memo, America/Monterrey), scored
  // blind on 6315b3e: 149/150 and 135/150, 94.7 %. After its kinds (blind112-kinds.test.ts): 149
  // and 146; 150 ru after batch 114's kinds ("с Маратом Хуламхановым" with a Мурат here: a
  // stranger). Left: "mauricio ruiz esparza" in lower case; "for the weekend shift" read as a date;
  // "gilermo" for Guillermo; "Gustavo's meetings" for a stranger.
  ['heldout-blind112-ru.jsonl', 150],
  ['heldout-blind112-en.jsonl', 146],
  // Blind batch 111 (2026-12-07, fourteenth session): plain everyday commands,
  // 150 ru (a Pskov flax mill with a linen shop and an online store, Europe/Moscow) and 150 en (a
  // Jakarta coal and nickel shipping agency, Indonesian English with Pak, Bu, Mas, Mbak,
  // Asia/Jakarta), scored blind on 18304f5: 148/150 and 114/150, 87.3 % (24 lines of Pak/Bu/Mas/Mbak
  // before a name). After its kinds (blind110-kinds.test.ts): 148 and 142 (left: "на ой нет на
  // богдана" — a self-correction inside the person; "задачу с завтрашним сроком" as a query; "bu
  // rosmawti" misheard after a title; Putri and a Putri Ayu; "to owner" dropped from a title; a
  // correction after "whatsapp..."; "hotmen" for Hotman; "give task about … to Made"; "the B/L
  // task"; "thanks ya" as a yes).
  ['heldout-blind111-ru.jsonl', 148],
  ['heldout-blind111-en.jsonl', 142],
  // Blind batch 110 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (a
  // Petrozavodsk builder of log houses, Karelian and Finnish names, Europe/Moscow) and 150 en (a
  // Seoul cosmetics exporter, Korean English with "manager Kim", "team leader Park", "-ssi",
  // Asia/Seoul), scored blind on 18304f5: 147/150 and 137/150, 94.7 %. After its kinds
  // (blind110-kinds.test.ts): 148 and 144 (left: "на гаврилова" — a man's accusative with only a
  // woman Гаврилова here; "спасибо, отлично" taken as a yes; "calendar: sync with …" as a question;
  // "put a task on kevin" for a stranger; "pria"/"seoyun" misheard; "from 2 to 3 30"; "Olive Young",
  // a shop chain, as a person).
  ['heldout-blind110-ru.jsonl', 149], // 149 after batch 126 ("гаврилова", a real surname two letters off Гарипов's "гарипова", is nobody here)
  ['heldout-blind110-en.jsonl', 144],
  // Blind batch 109 (2026-12-07, fourteenth session): plain everyday commands,
  // 150 ru (a Krasnodar sunflower-oil plant, southern colloquial Russian, Europe/Moscow) and 150 en
  // (a Glasgow ship-repair yard on the Clyde, broad Glasgow Scots, Europe/London), scored blind on
  // 039c3e3: 147/150 and 139/150, 95.3 %. After its kinds (blind108-kinds.test.ts): 149 and 149
  // (left: "КП для Ростова" read with a Ростов as a person; "for wee hamish" — "wee" before a name).
  ['heldout-blind109-ru.jsonl', 149],
  ['heldout-blind109-en.jsonl', 149],
  // Blind batch 108 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (an Ulan-Ude
  // aircraft-parts plant, Buryat and Russian names, Asia/Irkutsk) and 150 en (a Bangkok auto-parts
  // distributor, Thai English with Khun and nicknames, Asia/Bangkok), scored blind on 039c3e3:
  // 149/150 and 127/150, 92.0 % (14 lines of Khun before a name). After its kinds
  // (blind108-kinds.test.ts): 149 and 148 (left: "с Аэрокомпозитом" scored as "Композит"; "Bank's
  // task about bank statement" losing "bank" from the query; "remind me at nine call michelin" — a
  // bare hour before a verb with no "to").
  ['heldout-blind108-ru.jsonl', 149],
  ['heldout-blind108-en.jsonl', 148],
  // Blind batch 107 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (a Belgorod
  // agricultural holding: poultry, feed mill, meat plant, Europe/Moscow) and 150 en (a Ho Chi Minh
  // City coffee and cashew exporter, Vietnamese English — the group's second batch,
  // Asia/Ho_Chi_Minh), scored blind on 7fbb62a: 148/150 and 145/150, 97.7 %. After its kinds
  // (blind106-kinds.test.ts): 149 and 150 (left: Слава for a Станислав too — the kept convention).
  ['heldout-blind107-ru.jsonl', 149],
  ['heldout-blind107-en.jsonl', 150],
  // Blind batch 106 (2026-12-07, fourteenth session): plain everyday commands, 150 ru (a Makhachkala
  // fish cannery with its own trawlers, Dagestani staff, Europe/Moscow) and 150 en (a Leeds woollen
  // mill, broad Yorkshire English, Europe/London), scored blind on 7fbb62a: 149/150 and 139/150,
  // 96.0 %. After its kinds (blind106-kinds.test.ts): 149 and 147 (left: "навруз байрам" read with a
  // Байрам; "Bob Cotton — new task: …" as a message; "the nowaks" for both Nowaks; "in t' office"
  // in a text that says "the" too keeps "the").
  ['heldout-blind106-ru.jsonl', 149],
  ['heldout-blind106-en.jsonl', 147],
  // Blind batch 105 (2026-12-07, thirteenth session), that session's latest: plain everyday commands,
  // 150 ru (a Petropavlovsk-Kamchatsky tour and fishing operator, its owner dictating while driving,
  // Asia/Kamchatka) and 150 en (a Bristol aerospace composites supplier, West Country English,
  // Europe/London), scored blind on f8f8f95: 148/150 and 141/150, 96.3 %. After its kinds
  // (blind104-kinds.test.ts): 148 and 147 (left: Слава for a Станислав too — the kept convention;
  // Гуля for a Гульмира and a Гульнара; "ply 14 to 22" read as hours; "hartnel's" for Hartnell;
  // "the call with Irkut" — a firm called so).
  ['heldout-blind105-ru.jsonl', 148],
  ['heldout-blind105-en.jsonl', 147],
  // Blind batch 104 (2026-12-07, thirteenth session): plain everyday commands, 150 ru (an Altai
  // herbal-tea and pharmacy-herbs producer, its commercial director, Asia/Barnaul) and 150 en (a Hanoi
  // garment-sourcing office, Vietnamese English: anh/chi/em before names, "already" replies,
  // Asia/Ho_Chi_Minh), scored blind on f8f8f95: 148/150 and 126/150, 91.3 %. After its kinds
  // (blind104-kinds.test.ts): 148 and 145 (left: "ну что там …" keeping its "что"; "до морозов" read
  // as a Морозов; places that hold a colleague's name, "Hai Phong", "Nam Dinh"; "new tast"; "score lead
  // sportmaster" in lower case; "extend … two days").
  ['heldout-blind104-ru.jsonl', 148],
  ['heldout-blind104-en.jsonl', 148], // 146 after batch 111 ("score lead sportmaster": a lower-case name after the noun); 147 after batch 126 ("extend … two days", a bare amount closing a move); 148 with 152's ("trip to Hai Phong port")
  // Blind batch 103 (2026-12-07, thirteenth session): plain everyday commands, 150 ru (a Saratov city
  // bus-fleet operator, its deputy director for operations, Europe/Saratov) and 150 en (a Nashville
  // live-music venue, plain American and Southern English, America/Chicago), scored blind on 6b4d9be:
  // 150/150 and 147/150, 99.0 %. After its kinds (blind102-kinds.test.ts): 150 and 150.
  ['heldout-blind103-ru.jsonl', 150],
  ['heldout-blind103-en.jsonl', 150],
  // Blind batch 102 (2026-12-07, thirteenth session): plain everyday commands, 150 ru (an Orenburg
  // down-shawl workshop chain, its production director, Asia/Yekaterinburg) and 150 en (a Cape Town
  // wine exporter, South African English, Africa/Johannesburg), scored blind on 6b4d9be: 147/150 and
  // 145/150, 97.3 %. After its kinds (blind102-kinds.test.ts): 150 and 150.
  ['heldout-blind102-ru.jsonl', 150],
  ['heldout-blind102-en.jsonl', 150],
  // Blind batch 101 (2026-12-07, twelfth session): plain everyday commands, 150 ru
  // (a Norilsk-area construction contractor, its project director, Asia/Krasnoyarsk) and 150 en (a
  // Birmingham automotive engineering consultancy, plain British English, Europe/London), scored blind
  // on dd97bdb: 147/150 and 149/150, 98.7 %. After its kinds (blind101-kinds.test.ts): 148 and 150
  // (left: Слава for a Станислав too, twice — the kept convention).
  ['heldout-blind101-ru.jsonl', 148],
  ['heldout-blind101-en.jsonl', 150],
  // Blind batch 100 (2026-12-07, twelfth session): plain everyday commands, 150 ru
  // (a Kostroma jewellery factory, its commercial director, Europe/Moscow) and 150 en (a Vancouver
  // video-game studio, plain Canadian English, America/Vancouver), scored blind on dbd61a3: 149/150
  // and 145/150, 98.0 %. After its kinds (blind100-kinds.test.ts): 150 and 150.
  ['heldout-blind100-ru.jsonl', 150],
  ['heldout-blind100-en.jsonl', 150],
  // Blind batch 99 (2026-12-07, twelfth session): plain everyday commands, 150 ru
  // (a Moscow-region dental clinic chain, its COO, Europe/Moscow) and 150 en (a Barbados hotel and resort
  // group, Bajan English, America/Barbados), scored blind on f0af010: 148/150 and 144/150, 97.3 %.
  // After its kinds (blind99-kinds.test.ts): 149 and 149 (left: "какие встречи у веры" — a stranger
  // whose name is a word, after "у"; "on shane uh on shane greaves", a restart, came with batch 100).
  ['heldout-blind99-ru.jsonl', 149],
  ['heldout-blind99-en.jsonl', 150],
  // Blind batch 98 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Penza maker of
  // furniture fittings, its sales director, Europe/Moscow) and 150 en (a Sydney IT consultancy, plain
  // Australian English, Australia/Sydney), scored blind on 169fd14: 149/150 and 146/150, 98.3 %.
  // After its kinds (blind98-kinds.test.ts): 150 and 149 (left: "put a meeting in my calendar with
  // the client" — a "with" run after the calendar phrase).
  ['heldout-blind98-ru.jsonl', 150],
  ['heldout-blind98-en.jsonl', 149],
  // Blind batch 97 (2026-12-07, twelfth session): plain everyday commands, 150 ru (an Ulyanovsk
  // supplier of aircraft interior parts, its head of quality, Europe/Ulyanovsk) and 150 en (a Dallas–Fort
  // Worth freight brokerage, plain Texan English, America/Chicago), scored blind on 7aba09f: 149/150
  // and 143/150, 97.3 %. After its kinds (blind97-kinds.test.ts): 150 and 149 (left: "Quote the
  // Houston to Chicago dry van lane" — a city after "to" inside a named title).
  ['heldout-blind97-ru.jsonl', 150],
  ['heldout-blind97-en.jsonl', 150], // 150 with 152's kinds ("Houston to Chicago": cities)
  // Blind batch 96 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Khabarovsk timber
  // and plywood exporter, its commercial director, Asia/Vladivostok) and 150 en (a Kathmandu trekking
  // agency, Nepali English with Nepali words, Asia/Kathmandu), scored blind on 4ae3347: 145/150 and
  // 138/150, 94.3 %. After its kinds (blind96-kinds.test.ts): 147 and 149 (left: Эльвира for an
  // Эльмира, which the writer held unresolved though by nlu.md's rule, which the same writer applied
  // to Ренат, it is misheard; "встреча с гиви в цеху" keeping the place; a Chinese company after "с"
  // in a named title; "ang rita" after "and").
  ['heldout-blind96-ru.jsonl', 147],
  ['heldout-blind96-en.jsonl', 149],
  // Blind batch 95 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Kursk sugar
  // refinery, its deputy director for production, Europe/Moscow) and 150 en (a Portland craft brewery,
  // plain American English, America/Los_Angeles), scored blind on 4ae3347: 150/150 and 144/150,
  // 98.0 %. After its kinds (blind95-kinds.test.ts): 150 and 150.
  ['heldout-blind95-ru.jsonl', 150],
  ['heldout-blind95-en.jsonl', 150],
  // Blind batch 94 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Nizhny Tagil
  // railway-wagon plant's HR department, its head, Asia/Yekaterinburg) and 150 en (a Harare
  // mining-supplies distributor, Zimbabwean English with Shona and Ndebele words, Africa/Harare),
  // scored blind on e41814e: 148/150 and 144/150, 97.3 %. After its kinds (blind94-kinds.test.ts):
  // 150 and 147 (left: "aiwa", no in Shona and yes in Egyptian Arabic, read as neither; "a call
  // with blessing" — a lower-case common word as a name; "check the forex receipts for last week" —
  // a past week as the task's topic, though the public corpora read past dates as deadlines — read
  // so from batch 103 on, 148).
  ['heldout-blind94-ru.jsonl', 150],
  ['heldout-blind94-en.jsonl', 148],
  // Blind batch 93 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Yaroslavl
  // river-cruise operator, its head of fleet and operations, Europe/Moscow) and 150 en (a Minneapolis
  // health-insurance claims department, Midwestern English, America/Chicago), scored blind on
  // 98ac2c3: 150/150 and 146/150, 98.7 %. After its kinds (blind93-kinds.test.ts): 150 and 150.
  ['heldout-blind93-ru.jsonl', 150],
  ['heldout-blind93-en.jsonl', 150],
  // Blind batch 92 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Kemerovo-region
  // mining-equipment service company, its service director, Asia/Novokuznetsk) and 150 en (a Cairo
  // customer-support outsourcer, Egyptian English with Arabic words, Africa/Cairo), scored blind on
  // 8ef191a: 148/150 and 136/150, 94.7 %. After its kinds (blind92-kinds.test.ts): 149 and 150
  // (left: "Это совещание отмени" → {} by its writer; nlu.md gives a kind of meeting as the query
  // and batch 92 en holds "cancel this call" so).
  ['heldout-blind92-ru.jsonl', 149],
  ['heldout-blind92-en.jsonl', 150],
  // Blind batch 91 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Cheboksary
  // electrical-equipment factory, Chuvash and Tatar names, its head of sales, Europe/Moscow) and 150
  // en (a Kampala solar-energy distributor, Ugandan English with Luganda words, Africa/Kampala),
  // scored blind on 4217dc9: 148/150 and 142/150, 96.7 %. After its kinds (blind91-kinds.test.ts):
  // 150 and 149 (left: "send jay a message" — a lower-case name that is a common word).
  ['heldout-blind91-ru.jsonl', 150],
  ['heldout-blind91-en.jsonl', 149],
  // Blind batch 90 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Kaluga
  // automotive-parts plant, its logistics director, Europe/Moscow) and 150 en (a Boston biotech
  // startup, plain American English, America/New_York), scored blind on 4217dc9: 149/150 and
  // 148/150, 99.0 %. After its kinds (blind90-kinds.test.ts): 150 and 150.
  ['heldout-blind90-ru.jsonl', 150],
  ['heldout-blind90-en.jsonl', 150],
  // Blind batch 89 (2026-12-07, twelfth session): plain everyday commands,
  // 150 ru (a Novorossiysk port grain terminal, its head of operations, Europe/Moscow) and 150 en (a
  // Dhaka pharmaceutical packaging maker, Bangladeshi English with Bangla words, Asia/Dhaka), scored
  // blind on 5b1e2d3: 145/150 and 135/150, 93.3 % (the session's first commit 304a4c8: the same).
  // After its kinds (blind89-kinds.test.ts): 149 and 147 (left: Слава for a Станислав or Владислав,
  // the kept convention; "task for mizan collect …" with no "to"; Sam for a Samiul or Samira came
  // with batch 92).
  ['heldout-blind89-ru.jsonl', 149],
  ['heldout-blind89-en.jsonl', 150], // 149 after batch 92 (Sam for a Samiul or Samira: a short form that opens their names); 150 after batch 140 ("for mizan collect …")
  // Blind batch 88 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Petrozavodsk
  // builder of timber-frame and log houses, its chief engineer, Europe/Moscow) and 150 en (a Port of
  // Spain oil and gas services company, Trinidadian English, America/Port_of_Spain), scored blind on
  // 4564572: 150/150 and 143/150, 97.7 %. After its kinds (blind88-kinds.test.ts): 150 and 150.
  ['heldout-blind88-ru.jsonl', 150],
  ['heldout-blind88-en.jsonl', 150],
  // Blind batch 87 (2026-12-07, twelfth session): plain everyday commands, 150 ru (an Astrakhan
  // vegetable and melon grower, its commercial director, Europe/Astrakhan) and 150 en (a Colombo
  // garment exporter, Sri Lankan English with Sinhala and Tamil words, Asia/Colombo), scored blind
  // on 304a4c8: 148/150 and 140/150, 96.0 %. After its kinds (blind87-kinds.test.ts): 150 and 150.
  ['heldout-blind87-ru.jsonl', 150],
  ['heldout-blind87-en.jsonl', 150],
  // Blind batch 86 (2026-12-07, twelfth session): plain everyday commands, 150 ru (a Smolensk-region
  // linen mill, its production director, Europe/Moscow) and 150 en (a Liverpool shipping and port
  // agency, Scouse English, Europe/London), scored blind on 304a4c8: 149/150 and 139/150, 96.0 %.
  // After its kinds (blind86-kinds.test.ts): 150 and 150.
  ['heldout-blind86-ru.jsonl', 150],
  ['heldout-blind86-en.jsonl', 150],
  // Blind batch 85 (2026-12-07, eleventh session), the session's latest: plain everyday commands,
  // 150 ru (a Vladimir-region dairy farm and cheese dairy, its owner, Europe/Moscow) and 150 en (a
  // Berlin e-scooter startup, non-native office English, Europe/Berlin), scored blind on a55565c:
  // 149/150 and 149/150, 99.3 %. After its kinds (blind85-kinds.test.ts): 150 and 150.
  ['heldout-blind85-ru.jsonl', 150],
  ['heldout-blind85-en.jsonl', 150],
  // Blind batch 84 (2026-12-07, eleventh session): plain everyday commands,
  // 150 ru (an Omsk bakery and coffee-shop chain, its operations director, Asia/Omsk) and 150 en (a
  // Cork medical-devices manufacturer, plain English of many backgrounds, Europe/Dublin), scored
  // blind on 2f3faa4: 148/150 and 148/150, 98.7 %. After its kinds (blind84-kinds.test.ts): 150
  // and 150.
  ['heldout-blind84-ru.jsonl', 150],
  ['heldout-blind84-en.jsonl', 150],
  // Blind batch 83 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Kirov toy and
  // board-game maker, its head of production planning, Europe/Kirov) and 150 en (an Atlanta
  // last-mile delivery startup, plain American English, America/New_York), scored blind on bd1bde1:
  // 148/150 and 146/150, 98.0 %. After its kinds (blind83-kinds.test.ts): 149 and 148 (left: "с ли
  // веем" for a Li Wei; "Aigul needs to …, make it a task"; a title opening with "the" kept by
  // the writer).
  ['heldout-blind83-ru.jsonl', 149],
  ['heldout-blind83-en.jsonl', 149], // 149 after batch 130 ("…, make it a task")
  // Blind batch 82 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Moscow event
  // agency, its founder, Europe/Moscow) and 150 en (a Nairobi tea broker, Kenyan English,
  // Africa/Nairobi), scored blind on 31d2c03: 145/150 and 144/150, 96.3 %. After its kinds
  // (blind82-kinds.test.ts): 148 and 148 (left: a reassignment with a new deadline after "срок";
  // Слава for a Станислав, the kept convention; "for invoice 2291, assign to Samantha" in a title;
  // "the pricing review meeting" named without its kind).
  ['heldout-blind82-ru.jsonl', 149], // 149 after batch 126 (", срок завтра в 10" after a reassignment is the new deadline)
  ['heldout-blind82-en.jsonl', 148],
  // Blind batch 81 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Rostov
  // building-materials wholesaler, its sales director, Europe/Moscow) and 150 en (a São Paulo coffee
  // exporter, Brazilian English as a second language, America/Sao_Paulo), scored blind on cb6ca47:
  // 149/150 and 127/150, 92.0 % (a speaker group with words of its own: Chico, Tião, Duda, "14h",
  // "of tomorrow", "anticipate"). After its kinds (blind81-kinds.test.ts): 150 and 150.
  ['heldout-blind81-ru.jsonl', 150],
  ['heldout-blind81-en.jsonl', 150],
  // Blind batch 80 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Murmansk
  // fish-processing plant, its commercial director, Europe/Moscow) and 150 en (a Bangalore SaaS
  // company, Indian English, Asia/Kolkata), scored blind on addec20: 148/150 and 148/150, 98.7 %.
  // After its kinds (blind80-kinds.test.ts): 150 and 150.
  ['heldout-blind80-ru.jsonl', 150],
  ['heldout-blind80-en.jsonl', 150],
  // Blind batch 79 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Voronezh TV
  // and radio company, a producer, Europe/Moscow) and 150 en (a Manchester football club's commercial
  // office, northern English, Europe/London), scored blind on dc031aa: 145/150 and 140/150, 95.0 %.
  // After its kinds (blind79-kinds.test.ts): 149 and 148 (left: Витя for a Виталий, which the writer
  // held unresolved and our short forms give; Kiran for a Kieran, a name of its own; Slava for a
  // Stanislav, the kept convention — see docs/nlu-heldout.md).
  ['heldout-blind79-ru.jsonl', 149],
  ['heldout-blind79-en.jsonl', 149], // 149 after batch 86: a given name a letter off a user's is that user (Kiran for Kieran)
  // Blind batch 78 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a St Petersburg
  // veterinary clinic chain, its chief veterinarian, Europe/Moscow) and 150 en (a Hong Kong
  // electronics trader, Hong Kong English, Asia/Hong_Kong), scored blind on 855b792: 150/150 and
  // 145/150, 98.3 %. After its kinds (blind78-kinds.test.ts): 150 and 150.
  ['heldout-blind78-ru.jsonl', 150],
  ['heldout-blind78-en.jsonl', 150],
  // Blind batch 77 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Chelyabinsk
  // metallurgical plant's procurement department, its terse head, Asia/Yekaterinburg) and 150 en (a
  // Lahore textile exporter, Pakistani English, Asia/Karachi), scored blind on 67666e6: 149/150 and
  // 140/150, 96.3 %. After its kinds (blind77-kinds.test.ts): 150 and 150.
  ['heldout-blind77-ru.jsonl', 150],
  ['heldout-blind77-en.jsonl', 150],
  // Blind batch 76 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Perm
  // publishing house and bookstore chain, its editor-in-chief, Asia/Yekaterinburg) and 150 en (a
  // Kingston, Jamaica, freight forwarder, Jamaican English, America/Jamaica), scored blind on
  // 724ad48: 150/150 and 142/150, 97.3 %. After its kinds (blind76-kinds.test.ts): 150 and 150.
  ['heldout-blind76-ru.jsonl', 150],
  ['heldout-blind76-en.jsonl', 150],
  // Blind batch 75 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Sochi seaside
  // hotel and spa, its general manager, Europe/Moscow) and 150 en (an Accra cocoa and shea-butter
  // exporter, Ghanaian English, Africa/Accra), scored blind on de328c6: 148/150 and 144/150, 97.3 %.
  // After its kinds (blind75-kinds.test.ts): 150 and 150.
  ['heldout-blind75-ru.jsonl', 150],
  ['heldout-blind75-en.jsonl', 150],
  // Blind batch 74 (2026-12-07, eleventh session): plain everyday commands, 150 ru (a Tula
  // gingerbread and confectionery factory, its production and sales director, Europe/Moscow) and
  // 150 en (a Chicago law firm sharing a portal with its Moscow office, America/Chicago), scored
  // blind on aa778b7: 149/150 and 146/150, 98.3 %. After its kinds (blind74-kinds.test.ts): 150 and 150.
  ['heldout-blind74-ru.jsonl', 150],
  ['heldout-blind74-en.jsonl', 150],
  // Blind batch 73 (2026-12-07, tenth session), scored at that session's end: plain everyday
  // commands, 150 ru (an Irkutsk children's clinic, a chief physician, Asia/Irkutsk) and 150 en (a
  // Melbourne event-staging and AV hire company, Australian English, Australia/Melbourne), scored
  // blind on 6bdb593: 148/150 and 143/150, 97.0 %. After its kinds (eleventh session,
  // blind73-kinds.test.ts): 150 and 150.
  ['heldout-blind73-ru.jsonl', 150],
  ['heldout-blind73-en.jsonl', 150],
  // Blind batch 72 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Yaroslavl
  // paint-and-coatings maker, a sales director, Europe/Moscow) and 150 en (a Seattle architecture and
  // interior-design studio, America/Los_Angeles), scored blind on 380dda3: 149/150 and 148/150,
  // 99.0 % (the session's first commit 34fbc11: 149 and 146). After its kinds (blind72-kinds.test.ts):
  // 150 and 149 (left: Alex for an Alexis, whom the writer held is not Alex).
  ['heldout-blind72-ru.jsonl', 150],
  ['heldout-blind72-en.jsonl', 149],
  // Blind batch 71 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Volgograd
  // road-construction contractor, a chief engineer on the road, Europe/Volgograd) and 150 en (a
  // Houston industrial-valve distributor, Texan English, America/Chicago), scored blind on e7e8020:
  // 148/150 and 147/150, 98.3 % (the session's first commit 34fbc11: 148 and 146). After its kinds
  // (blind71-kinds.test.ts): 150 and 149 (left: "a meting" keeps its spelling in the title).
  ['heldout-blind71-ru.jsonl', 150],
  ['heldout-blind71-en.jsonl', 150],
  // Blind batch 70 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Krasnoyarsk chain
  // of fitness and swimming centres, a managing director, Asia/Krasnoyarsk) and 150 en (a Toronto
  // insurance brokerage, Canadian English of many backgrounds, America/Toronto), scored blind on
  // a939747: 147/150 and 147/150, 98.0 % (the session's first commit 34fbc11: 146 and 146). After
  // its kinds (blind70-kinds.test.ts): 149 and 149 (left: "запланируй … собеседование" with no event
  // noun, as batch 64's "стратсессию"; "Assign Hyun-woo a task to set up MFA" loses "set up").
  ['heldout-blind70-ru.jsonl', 150],
  ['heldout-blind70-en.jsonl', 149],
  // Blind batch 69 (2026-12-07, tenth session): plain everyday commands, 150 ru (an Omsk
  // agricultural-machinery service centre, a service manager, Asia/Omsk) and 150 en (a Colorado
  // outdoor-gear retailer's head office, plain American speakers, America/Denver), scored blind on
  // c351031: 149/150 and 148/150, 99.0 % (the session's first commit 34fbc11: the same). After its
  // kinds (blind69-kinds.test.ts): 149 and 150 (left: "чтоу меня сегодня", "что у" run together).
  ['heldout-blind69-ru.jsonl', 149],
  ['heldout-blind69-en.jsonl', 150],
  // Blind batch 68 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Kuban winery at
  // harvest, a commercial director, Europe/Moscow) and 150 en (a Welsh housing association, Welsh
  // English with Polish and Somali colleagues, Europe/London), scored blind on cad9500: 146/150 and
  // 139/150, 95.0 %. After its kinds (blind68-kinds.test.ts): 147 and 149 (left: Слава for a
  // Станислав, the kept convention, twice; "с оливье" for Olivier, the salad's word; "a meeting with
  // Dawn from Cardiff Council" kept whole in the title). A real fault found on the way: the fuzzy
  // index took forms two letters off a 5–7-letter word ("промо" for Ромой); a swap of two letters
  // now counts as one ("brain" for Brian). (59 en: 145, "induction day".)
  ['heldout-blind68-ru.jsonl', 147],
  ['heldout-blind68-en.jsonl', 150],
  // Blind batch 67 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Moscow network of
  // medical laboratories, an operations director, Europe/Moscow) and 150 en (a New Zealand dairy
  // cooperative's regional office, Kiwi English with Māori names, Pacific/Auckland), scored blind on
  // 7eb8179: 149/150 and 147/150, 98.7 %. After its kinds (blind67-kinds.test.ts): 150 and 150.
  // (49 en: 147, "friday ten thirty".)
  ['heldout-blind67-ru.jsonl', 150],
  ['heldout-blind67-en.jsonl', 150],
  // Blind batch 66 (2026-12-07, tenth session): plain everyday commands, 150 ru (an Arkhangelsk timber
  // and sawmill company, a production director, Europe/Moscow) and 150 en (a Kuala Lumpur fulfilment
  // warehouse, Malaysian English, Asia/Kuala_Lumpur), scored blind on 2a27165: 149/150 and 140/150,
  // 96.3 %. After its kinds (blind66-kinds.test.ts): 150 and 149 (left: "for rajendran or not
  // count …", the question tag said after the person). (45 en: 147, "remine".)
  ['heldout-blind66-ru.jsonl', 150],
  ['heldout-blind66-en.jsonl', 149],
  // Blind batch 65 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Kazan auto-parts
  // distributor, a fast casual sales director, many Tatar names, Europe/Moscow) and 150 en (a Manila
  // customer-support company, Filipino English with Tagalog words, Asia/Manila), scored blind on
  // 98dd443: 148/150 and 128/150, 92.0 % (English from a new speaker group: Tagalog replies and
  // honorifics, double given names). After its kinds (blind65-kinds.test.ts): 149 and 148. (35 ru: 149.)
  ['heldout-blind65-ru.jsonl', 149],
  ['heldout-blind65-en.jsonl', 149],
  // Blind batch 64 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Moscow seller on
  // marketplaces, young staff with marketplace slang, Europe/Moscow) and 150 en (a university lab in
  // Scotland, Scottish English with Chinese, Indian, Italian, Nigerian and Iranian colleagues,
  // Europe/London), scored blind on fcb7b1d: 147/150 and 140/150, 95.7 %. After its kinds
  // (blind64-kinds.test.ts): 149 and 149 (left: "запланируй стратсессию …" with no event noun,
  // "message the PI that …" with a role for its recipient).
  ['heldout-blind64-ru.jsonl', 150],
  ['heldout-blind64-en.jsonl', 149],
  // Blind batch 63 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Kaliningrad
  // amber-jewellery maker with its own shops, a commercial director on the move, Europe/Kaliningrad)
  // and 150 en (a Minneapolis/Chicago HVAC and plumbing contractor, Midwestern speakers with Hmong,
  // Somali, Mexican and Polish colleagues, America/Chicago), scored blind on 7902d3e: 148/150 and
  // 144/150, 97.3 %. After its kinds (blind63-kinds.test.ts): 150 and 149 ("lunch and learn with
  // trane": a brand after "with" stays a person, as in batches 60 and 61). (50 ru: 149.)
  ['heldout-blind63-ru.jsonl', 150],
  ['heldout-blind63-en.jsonl', 150],
  // Blind batch 62 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Yekaterinburg
  // residential developer, a deputy director for construction, Asia/Yekaterinburg) and 150 en (a
  // Johannesburg mining-equipment supplier, South African English, Africa/Johannesburg), scored
  // blind on 48a26d0: 147/150 and 146/150, 97.7 %. After its kinds (blind62-kinds.test.ts): 150 and
  // 150. (Its "не шакирову" as a correction also raised 31 ru 148, 46 ru 148, 49 ru 149.)
  ['heldout-blind62-ru.jsonl', 150],
  ['heldout-blind62-en.jsonl', 150],
  // Blind batch 61 (2026-12-07, tenth session): plain everyday commands, 150 ru (a Novosibirsk
  // university's admissions office, Asia/Novosibirsk) and 150 en (a Dublin software company's
  // customer-success team, Irish English, Europe/Dublin), scored blind on the tenth session's
  // working tree with batch 60's kinds (committed next): 149/150 and 147/150, 98.7 %. After its kinds
  // (blind60-kinds.test.ts): 150 and 149 ("with vodafone": a brand nobody's list has stays a person).
  ['heldout-blind61-ru.jsonl', 150],
  ['heldout-blind61-en.jsonl', 150],
  // Blind batch 60 (2026-12-07, ninth session), the ninth session's latest, scored at its end and
  // fixed in the tenth: plain everyday commands, 150 ru (a Samara dental-clinic network, an
  // operations director who types, Europe/Samara) and 150 en (a Los Angeles B2B software sales
  // floor, America/Los_Angeles), scored blind on fd443f1: 143/150 and 146/150, 96.3 %. After its
  // kinds (blind60-kinds.test.ts): 150 and 149 ("with brightline" left).
  // (The tenth session's fixes raised earlier floors too: 40 en 150, 47 en 144, 52 en 150, 55 ru 149,
  // 57 en 147, 59 en 144.)
  ['heldout-blind60-ru.jsonl', 150],
  ['heldout-blind60-en.jsonl', 150],
  // Blind batch 59 (2026-12-07, ninth session): plain everyday commands, 150 ru (an Ufa
  // refinery's procurement department, a head who mostly types, Asia/Yekaterinburg) and 150 en (a
  // fulfilment warehouse near Manchester, northern British English, Europe/London), scored blind on
  // 856160a: 149/150 and 137/150, 95.3 % (the session's first commit 4bcaf45: the same). After its
  // kinds (blind59-kinds.test.ts): 149 and 143.
  ['heldout-blind59-ru.jsonl', 149],
  ['heldout-blind59-en.jsonl', 147], // 146 after batch 86 (Pavel for Paweł, a letter off); 147 after batch 92 (Alex for Alexandru and Aleksandra)
  // Blind batch 58 (2026-12-07, ninth session): plain everyday commands, 150 ru (a
  // Rostov-on-Don farm-machinery dealer, a sales director on the road, Europe/Moscow) and 150 en (a
  // Philadelphia hospital system's facilities department, America/New_York), scored blind after the
  // session's other fixes on 7c4c3d6: 149/150 and 147/150, 98.7 % (the session's first commit
  // 4bcaf45: the same). After its kinds (blind58-kinds.test.ts): 149 and 150.
  ['heldout-blind58-ru.jsonl', 149],
  ['heldout-blind58-en.jsonl', 150],
  // Blind batch 57 (2026-12-07, ninth session): plain everyday commands, 150 ru (a Moscow law firm,
  // a managing partner with legal words, Europe/Moscow) and 150 en (a Miami real-estate brokerage,
  // Spanish words in English, America/New_York), scored blind after the ts-register commit c487ad1:
  // 147/150 and 133/150, 93.3 % (the session's first commit 4bcaf45: the same). After its kinds
  // (blind57-kinds.test.ts): 150 and 145 ("Chris" stays Christopher's: batches 44 and 47 hold it so);
  // 146 with "take this meeting off my calendar" at the session's end.
  // (The ninth session's fixes raised earlier floors too: 30 en 147, 32 ru 150, 42 en 148, 47 en 143,
  // 49 en 146, 50 ru 148, 51 ru 147, 51 en 148.)
  ['heldout-blind57-ru.jsonl', 150],
  ['heldout-blind57-en.jsonl', 149], // 148 after batch 91 ("two more days" no query words); 149 after batch 126 (Chris for a Cristina too)
  // Blind batch 54 (2026-12-07, ninth session): 175 ru lines (14 of them English) written from the
  // brief alone, no organisation named (Europe/Moscow); its directory was lost while written and
  // rebuilt from the lines and the writer's notes by another hand (fixtures/blind54ru-rebuild-notes.md).
  // Scored blind after batch 56's fixes on 18c904d: 173/175, 98.9 % (4bcaf45: the same). After its
  // kinds (blind54-kinds.test.ts): 174 (Слава stays Вячеслав's and Ярослав's, not Станислав's).
  ['heldout-blind54-ru.jsonl', 174],
  // Blind batch 56 (2026-12-07, ninth session): plain everyday commands, 150 ru (a Vladivostok
  // seafood exporter, a commercial director, Asia/Vladivostok) and 150 en (a Vancouver clinic chain,
  // an operations manager, America/Vancouver), scored blind after batch 55's fixes on c34a00d:
  // 148/150 and 147/150, 98.3 % (the session's first commit 4bcaf45: 147 and 147). After its kinds
  // (blind56-kinds.test.ts): 150 and 150.
  ['heldout-blind56-ru.jsonl', 150],
  ['heldout-blind56-en.jsonl', 150],
  // Blind batch 55 (2026-12-07, ninth session): plain everyday commands, 150 ru (a St Petersburg
  // museum, a deputy director, Europe/Moscow) and 150 en (a remote US digital-marketing agency, an
  // account director, America/Denver), scored blind after batch 53's fixes on b6aa7ba: 145/150 and
  // 143/150, 96.0 % (the session's first commit 4bcaf45: 145 and 142). After its kinds
  // (blind55-kinds.test.ts): 148 and 148.
  ['heldout-blind55-ru.jsonl', 149],
  ['heldout-blind55-en.jsonl', 148],
  // Blind batch 53 (2026-12-07, ninth session): plain everyday commands, 150 ru (an Irkutsk tour
  // operator, an owner who uses name and patronymic, Asia/Irkutsk) and 150 en (a Berlin software
  // start-up, non-native English and chat shorthand, Europe/Berlin), scored blind after batch 52's
  // fixes on ccdbac9: 142/150 and 143/150, 95.0 % (the session's first commit 4bcaf45: the same).
  // After its kinds (blind53-kinds.test.ts): 149 and 149.
  ['heldout-blind53-ru.jsonl', 149],
  ['heldout-blind53-en.jsonl', 150], // 150 after batch 93 ("a call with Acme's CFO": a possessive before a thing invites nobody)
  // Blind batch 52 (2026-12-07, ninth session): everyday commands, 150 ru (a Kazan Bitrix24/1C
  // integrator, a head of implementation with IT words, Europe/Moscow) and 150 en (a Chicago law
  // firm, a senior paralegal, America/Chicago), scored blind at the session's start on 4bcaf45:
  // 146/150 and 141/150, 95.7 %. After its kinds (blind52-kinds.test.ts): 148 and 149.
  ['heldout-blind52-ru.jsonl', 149], // 149 after batch 96 (Рустам for a Рустем: nlu.md's misheard-name rule in Russian)
  ['heldout-blind52-en.jsonl', 150],
  // Blind batch 51 (2026-12-07, eighth session): everyday commands from plain speakers, 150
  // ru (a Moscow online retailer, Europe/Moscow) and 150 en (a New York software company's customer
  // success team, America/New_York), scored blind after batch 50's fixes on 022982d: 145/150 and
  // 146/150, 97.0 % (the session's first commit e1ed002: the same). After its kinds
  // (blind51-kinds.test.ts): 146 and 147.
  ['heldout-blind51-ru.jsonl', 147],
  ['heldout-blind51-en.jsonl', 149], // 149 after batch 100 ("move the task due tomorrow to thursday")
  // Blind batch 50 (2026-12-07, eighth session), scored blind at the session's end on
  // ee1a87d: 150 ru (a chain of kindergartens in Nizhny Novgorod, a founder who explains before she
  // asks, Europe/Moscow) 141/150 and 150 en (a London architecture practice, British office speech,
  // Europe/London) 137/150, 92.7 % (the session's first commit e1ed002: the same). After its kinds
  // (blind50-kinds.test.ts): 147 and 141.
  ['heldout-blind50-ru.jsonl', 149],
  ['heldout-blind50-en.jsonl', 142], // 142 after batch 139 ("tues 26th")
  // Blind batch 49 (2026-12-07, eighth session): everyday commands, 150 ru (an oilfield services
  // contractor in Tyumen, Asia/Yekaterinburg) and 150 en (an Indian pharmaceutical exporter with a
  // Moscow office, Indian English, Asia/Kolkata), scored blind after batch 48's fixes on 412f660:
  // 147/150 and 139/150, 95.3 % (the session's first commit e1ed002: the same). After its kinds
  // (blind49-kinds.test.ts): 148 and 145.
  ['heldout-blind49-ru.jsonl', 149],
  ['heldout-blind49-en.jsonl', 149], // 148 after batch 105 ("… for Uzbekistan cartons": a plural noun after a place); 149 after batch 132 ("Pending tasks of Mark?")
  // Blind batch 48 (2026-12-07, eighth session): everyday commands, 150 ru (a furniture factory in
  // Kaliningrad, a director who calls colleagues by pet names, Europe/Kaliningrad) and 150 en (a
  // German–Russian machine-tool distributor, German-flavoured English, Europe/Berlin), scored blind
  // after batch 47's fixes on 8290f49: 143/150 and 142/150, 95.0 % (the session's first commit
  // e1ed002: 143 and 140). After its kinds (blind48-kinds.test.ts): 147 and 144; 145 en after batch 49's
  // ("change the responsible of the X task").
  ['heldout-blind48-ru.jsonl', 148], // 148 after batch 89 ("…, срок — следующая пятница": the new deadline)
  ['heldout-blind48-en.jsonl', 147], // 146 after batch 86 ("No, the 3rd of May": May the date, not the user); 147 after batch 130 ("has to" after the responsible)
  // Blind batch 47 (2026-12-07, eighth session): everyday commands, 150 ru (a bank's branch network in
  // Krasnoyarsk, Asia/Krasnoyarsk) and 150 en (a Texas hospital system's IT department,
  // America/Chicago), scored blind after batch 46's fixes on f645d7e: 142/150 and 138/150, 93.3 % (the
  // session's first commit e1ed002: 142 and 135). After its kinds (blind47-kinds.test.ts): 145 and 142, and
  // 146 ru after batch 48's (a surname that is a noun, "голове")
  // (left: "о том, что" opening a message's text — heldout-ru's writer kept it, this one did not).
  ['heldout-blind47-ru.jsonl', 148], // 148 after batch 94 ("о том, что" is the text's marker)
  ['heldout-blind47-en.jsonl', 148], // 147 after batch 126 (Chris for a Cristina too); 148 with 149's kinds ("invite huong le and kevin")
  // Blind batch 46 (2026-12-07, eighth session): everyday commands, 150 ru (an agricultural holding in
  // the Kuban with southern speech, Europe/Moscow) and 150 en (a Lagos fintech, Nigerian English,
  // Africa/Lagos), scored blind after batch 45's fixes on e8e5e0c: 142/150 and 132/150, 91.3 % (the
  // session's first commit e1ed002: 141 and 132). After its kinds (blind46-kinds.test.ts): 147 and 150.
  ['heldout-blind46-ru.jsonl', 148],
  ['heldout-blind46-en.jsonl', 150],
  // Blind batch 45 (2026-12-07, eighth session): everyday commands, 150 ru (a car dealership group in
  // Samara, Europe/Samara) and 150 en (a bilingual property manager in Toronto and Montreal with Quebec
  // French words, America/Toronto), scored blind after batch 44's fixes on 9ea5be0: 147/150 and
  // 134/150, 93.7 % (the session's first commit e1ed002: the same). After its kinds
  // (blind45-kinds.test.ts): 149 and 146.
  ['heldout-blind45-ru.jsonl', 149],
  ['heldout-blind45-en.jsonl', 147],
  // Blind batch 44 (2026-12-07, eighth session): everyday commands, 150 ru (a hospital network in the
  // Urals with hospital shorthand, Asia/Yekaterinburg) and 150 en (a Queensland freight company: broad
  // Australian speech and pet names, Australia/Brisbane), scored blind on the session's first commit
  // e1ed002: 143/150 and 119/150, 87.3 %. After its kinds (blind44-kinds.test.ts): 148 and 143.
  ['heldout-blind44-ru.jsonl', 148],
  ['heldout-blind44-en.jsonl', 145], // 144 after batch 91 ("monday to wednesday": one span); 145 after batch 106 ("give X a job to …")
  // Blind batch 43 (2026-12-07, seventh session), scored blind at the session's end on
  // 130269d and not fixed: plain everyday commands, 150 ru (a pharmacy chain in Moscow, Europe/Moscow)
  // 149/150 and 150 en (a US subsidiary of an equipment maker, America/New_York) 149/150, 99.3 % (the
  // session's first commit e202b15: the same).
  ['heldout-blind43-ru.jsonl', 149],
  ['heldout-blind43-en.jsonl', 149],
  // Blind batch 42 (2026-12-07, seventh session): everyday commands, 150 ru (a seafood trader in
  // Vladivostok, Asia/Vladivostok) and 150 en (a UK online language school: British, Latin American and
  // Russian staff, Europe/London), scored blind after batch 41's fixes on b5ce04d: 143/150 and
  // 141/150, 94.7 % (the session's first commit e202b15: 143 and 140, 94.3 %). After its kinds
  // (blind42-kinds.test.ts): 144 and 147 (left: "слава" for a Станислав too — the convention above).
  ['heldout-blind42-ru.jsonl', 144],
  ['heldout-blind42-en.jsonl', 149], // 149 after batch 139 (news of a task done, then "close")
  // Blind batch 41 (2026-12-07, seventh session): everyday commands, 150 ru (a 1C and Bitrix24
  // integrator with IT jargon, Asia/Novosibirsk) and 150 en (an Israeli–Russian medtech start-up with
  // Hebrew and Russian words in its English, Asia/Jerusalem), scored blind after batch 40's fixes on
  // eb6043c: 144/150 and 133/150, 92.3 % (the session's first commit e202b15: 143 and 131, 91.3 %).
  // After its kinds (blind41-kinds.test.ts): 149 and 147; 148 after batch 103 ("tell edo the fix is ready").
  ['heldout-blind41-ru.jsonl', 149],
  ['heldout-blind41-en.jsonl', 149], // 149 after batch 131 ("Calendar: design review …")
  // Blind batch 40 (2026-12-07, seventh session): everyday commands, 150 ru (a poultry farm in the
  // Belgorod region, Europe/Moscow) and 150 en (a Kenyan–Russian coffee and tea exporter: East African
  // English, Africa/Nairobi), scored blind after batch 39's fixes on 15036e3: 146/150 and 137/150,
  // 94.3 % (the session's first commit e202b15: the same). After its kinds (blind40-kinds.test.ts):
  // 149 and 149.
  ['heldout-blind40-ru.jsonl', 150],
  ['heldout-blind40-en.jsonl', 150],
  // Blind batch 39 (2026-12-07, seventh session): everyday commands, 150 ru (veterinary pharmacies in
  // Kaliningrad, a slang-speaking call-centre head, Europe/Kaliningrad) and 150 en (a Gulf equipment
  // rental company: Egyptian, Pakistani, Indian, Filipino, Russian and British speakers, Asia/Dubai),
  // scored blind after batch 38's fixes on 442e82d: 139/150 and 141/150, 93.3 % (the session's first
  // commit e202b15: the same). After its kinds (blind39-kinds.test.ts): 149 and 147.
  ['heldout-blind39-ru.jsonl', 149],
  ['heldout-blind39-en.jsonl', 147],
  // Blind batch 38 (2026-12-07, seventh session): everyday commands, 150 ru (a printing house,
  // Europe/Samara) and 150 en (a software company's support division: American, Filipino and Russian
  // speakers, America/Chicago), scored blind after batch 37's fixes on 66586c3: 144/150 and 139/150,
  // 94.3 % (the session's first commit e202b15: 144 and 138, 94.0 %). After its kinds
  // (blind38-kinds.test.ts): 148 and 146; en 148 since "black friday retro" keeps its name (seventeenth
  // session).
  ['heldout-blind38-ru.jsonl', 149],
  ['heldout-blind38-en.jsonl', 148],
  // Blind batch 37 (2026-12-07, seventh session): everyday commands, 150 ru (fitness clubs and pools
  // in the Urals, Asia/Yekaterinburg) and 150 en (a Dutch–Kazakh greenhouse builder, Europe/Amsterdam),
  // scored blind after batch 36's fixes on d426234: 146/150 and 140/150, 95.3 % (the session's first
  // commit e202b15: the same). After its kinds (blind37-kinds.test.ts): 148 and 147.
  ['heldout-blind37-ru.jsonl', 150],
  ['heldout-blind37-en.jsonl', 148], // 148 with 152's kinds ("the sync with Almaty": a city)
  // Blind batch 36 (2026-12-06, sixth session), scored blind at the session's end on
  // 9829199 and not fixed: 150 ru (building-materials stores in Omsk, Asia/Omsk) 147/150 and 150 en
  // (an Irish medical-devices distributor, Europe/Dublin) 141/150, 96.0 % (the session's first
  // commit 7038853: 147 and 136, 94.3 %). After its kinds, in the seventh session
  // (blind36-kinds.test.ts): 150 and 150.
  ['heldout-blind36-ru.jsonl', 150],
  ['heldout-blind36-en.jsonl', 150],
  // Blind batch 35 (2026-12-06, sixth session): everyday commands, 150 ru (a grain trader
  // on the Volga, Europe/Volgograd) and 150 en (a Canadian engineering consultancy,
  // America/Toronto), scored after all the session's other fixes, on c8a41a0: 146/150 and 146/150,
  // 97.3 % (the session's first commit 7038853: 146 and 144, 96.7 %). After its kinds
  // (blind35-kinds.test.ts): 147 and 149.
  ['heldout-blind35-ru.jsonl', 150],
  ['heldout-blind35-en.jsonl', 149],
  // Blind batches 33 ru and 34 en (2026-12-06, sixth session), scored after
  // batches 27–33's fixes, on 6f5b02e: 150 ru (a Moscow law and accounting firm, Europe/Moscow)
  // 146/150 and 150 en (a Singapore ship manager: Singlish, the 24-hour clock, Asia/Singapore)
  // 124/150, 90.0 % (the session's first commit 7038853: 146 and 120). After their kinds
  // (blind34-kinds.test.ts): 147 and 146.
  ['heldout-blind33-ru.jsonl', 148],
  ['heldout-blind34-en.jsonl', 146],
  // Blind batch 33 (2026-12-06, sixth session), English only (a German-Russian pharmaceutical
  // distributor, Europe/Berlin), scored after batches 27–32's fixes, on 1710f2e: 137/150, 91.3 %
  // (the session's first commit 7038853: 135). After its kinds (blind33-kinds.test.ts): 148.
  ['heldout-blind33-en.jsonl', 149],
  // Blind batch 32 (2026-12-06, sixth session), scored after batches 27–31's fixes, on fcf2c5d:
  // 150 ru (municipal services in Yakutia, Asia/Yakutsk) 132/150 and 150 en (a Californian game
  // studio, America/Los_Angeles) 137/150, 89.7 % (the session's first commit 7038853: 130 and
  // 137). After its kinds (blind32-kinds.test.ts): 146 and 149.
  ['heldout-blind32-ru.jsonl', 150],
  ['heldout-blind32-en.jsonl', 149],
  // Blind batch 31 (2026-12-06, sixth session), a fifth hard by design, scored after batches
  // 27–30's fixes, on 0cc80e9: 150 ru (a car importer in Vladivostok, a slang-speaking sales
  // director, Asia/Vladivostok) 136/150 and 150 en (a Dubai freight forwarder, Asia/Dubai)
  // 142/150, 92.7 % (the session's first commit 7038853: the same). After its kinds
  // (blind31-kinds.test.ts): 145 and 147.
  ['heldout-blind31-ru.jsonl', 148], // 147 after batch 44's "Сообщение Ким: …"
  ['heldout-blind31-en.jsonl', 148],
  // Blind batch 30 (2026-12-06, sixth session), a fifth of its lines hard by design, scored after
  // batches 27–29's fixes, on 37539b0: 150 ru (a fish-processing company, Europe/Kaliningrad)
  // 142/150 and 150 en (a British architecture practice, Europe/London) 129/150, 90.3 % (the
  // session's first commit 7038853: 142 and 126). After its kinds (blind30-kinds.test.ts): 148
  // and 143 (Слава stays Вячеслав's and Ярослав's: seven earlier sets hold it so).
  ['heldout-blind30-ru.jsonl', 148],
  ['heldout-blind30-en.jsonl', 149], // 146 after batch 50's "pop a meeting in"; 149 after batch 86 (Gulnara, Tamara: a letter off a user's given name)
  // Blind batch 29 (2026-12-06, sixth session), English only (an event and catering agency in New
  // York, America/New_York), scored after batches 27 and 28's fixes, on 97740bc: 139/150, 92.7 %
  // (the session's first commit 7038853: 137). After its kinds (blind29-kinds.test.ts): 150.
  ['heldout-blind29-en.jsonl', 150],
  // Blind batch 28 (2026-12-06, sixth session), scored first, on the session's first commit
  // 7038853: 150 ru (veterinary clinics on the Volga, Europe/Samara) 145/150 and 150 en (a mining
  // contractor: Australian, South African, Chilean, Kazakh staff, Australia/Perth) 132/150, 92.3 %.
  // After its kinds (blind28-kinds.test.ts): 149 and 148.
  ['heldout-blind28-ru.jsonl', 149],
  ['heldout-blind28-en.jsonl', 149],
];

let parser: Parser;
beforeAll(async () => {
  parser = await createParser();
});

describe.each(FLOORS)('%s', (file, floor) => {
  it(`gets at least ${floor} utterances right`, () => {
    const s = scoreFile(parser, file);
    const report = s.failures.map((f) => `${f.id}: ${f.text}\n    ${f.problems.join('; ')}`).join('\n');
    if (s.right < floor) throw new Error(`${s.right}/${s.utterances} right, floor ${floor}\n${report}`);
    expect(s.right).toBeGreaterThanOrEqual(floor);
  });
});
