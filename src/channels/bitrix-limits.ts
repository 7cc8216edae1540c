/**
 * How large a Bitrix24 event may be. A message holds up to 20,000 characters
 * (chat-message-send.md: "Максимальная длина — 20 000 символов"); in a group chat the event
 * carries it twice (MESSAGE and MESSAGE_ORIGINAL, on-imbot-message-add.md), and form encoding
 * turns each Cyrillic character into 6 bytes (`%D0%B0`). The largest documented event so built
 * is measured in test/conformance/event-size.test.ts (242,571 bytes); we accept twice that, rounded
 * up, and refuse more with 413.
 */
export const MAX_MESSAGE_CHARS = 20_000;
export const BITRIX_EVENT_LIMIT = 512 * 1024;
