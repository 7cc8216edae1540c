/** The portal layer's front door: what channels, dialog wiring and scoring import. */
export { PortalClients, PortalClient, hookClient, DEFAULT_RATE_LIMIT } from './client';
export type { BitrixCaller, Params, Page, BatchItem, CallOptions, PortalClientOptions, PortalClientsOptions, AppCredentials } from './client';
export { TokenRefresher } from './refresh';
export { InstallService, installFromEvent, installFromPage, sameSecret } from './install';
export { parsePhpForm, pickString, pickObject, PhpFormError } from './php-form';
export type { PhpForm, PhpFormLimits } from './php-form';
export { DirectoryCache, loadUsers } from './directory';
export { createTask, createEvent, sendMessage, botMessage, markerFor } from './actions';
export type { ActionDeps, Outcome, TaskInput, EventInput, MessageInput, BotMessageInput, BotButton } from './actions';
export { exportAll, listLeads, listDeals, listActivities, listStatuses } from './crm';
export type { ExportPage, ExportOptions, CrmEntity } from './crm';
export { localToOffsetIso, localToWall } from './time';
export * from './errors';
