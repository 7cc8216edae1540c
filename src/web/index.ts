/** The portal pages' front door. See docs/web.md. */
export { createWebPages, webRouter, PLACEMENTS, type WebPages } from './router';
export type { WebDeps, PortalAuth, PortalUser, IssuedCode, Trainer, TrainProgress, DataCounts, InstallResult, DemoUser, Entity, Lang } from './deps';
export { ProgressHub, RetrainRunner, type JobEvent } from './jobs';
export { WS_PATH } from './socket';
export { modelView, operatingPoint, namedFeatures, topFeatures, type ModelView } from './model-view';
