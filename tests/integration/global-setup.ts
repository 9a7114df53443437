import { resetLeakWatch } from './leak-watch';
import { startLocalSystem } from './local-system';

export default async function globalSetup(): Promise<void> {
  resetLeakWatch();
  (globalThis as Record<string, unknown>).__localSystem = await startLocalSystem();
}
