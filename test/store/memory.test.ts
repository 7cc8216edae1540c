import { createMemoryStore } from '../../src/store/memory';
import { describeStoreContract } from './contract';

describeStoreContract('memory', async ({ clock }) => createMemoryStore({ clock }));
