import { startLocalSystem } from './local-system';

export default async function globalSetup(): Promise<void> {
  (globalThis as Record<string, unknown>).__localSystem = await startLocalSystem();
}
