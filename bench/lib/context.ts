import { createAccounts, login, type Account } from './accounts.js';
import type { MeasureHooks, ScenarioSummary } from './cannon.js';
import type { BenchOptions } from './options.js';

/** What the scenarios share: the platform's URLs, the accounts, and unused refresh tokens. */
export interface BenchContext {
  gatewayUrl: string;
  maildevUrl: string;
  /** The admin account the platform ensured at start (verifies businesses). */
  admin: { email: string; password: string };
  options: BenchOptions;
  /** Verified accounts, made on first use (register, code from MailDev, verify-email). */
  accounts(): Promise<Account[]>;
  /**
   * Refresh tokens not used yet: from verify-email, the login scenario and the refresh answers.
   * Each is good for exactly one refresh; take them out with splice.
   */
  refreshTokens: string[];
  /** Passed to each measured runCannon. */
  measure: MeasureHooks;
  log: (line: string) => void;
}

export interface Scenario {
  name: string;
  /** One line: what it measures. */
  what: string;
  run(context: BenchContext): Promise<ScenarioSummary>;
}

export function createContext(
  base: Omit<BenchContext, 'accounts' | 'refreshTokens'>,
): BenchContext {
  let accounts: Promise<Account[]> | undefined;
  const context: BenchContext = {
    ...base,
    refreshTokens: [],
    accounts: () => {
      accounts ??= (async () => {
        const started = Date.now();
        const made = await createAccounts(base.gatewayUrl, base.maildevUrl, base.options.accounts);
        context.refreshTokens.push(...made.map((account) => account.refreshToken));
        base.log(`${made.length} verified account(s) ready (${Date.now() - started} ms)`);
        return made;
      })();
      return accounts;
    },
  };
  return context;
}

/**
 * At least `count` unused refresh tokens, logging in (unmeasured, `loginConnections` at once,
 * round-robin over the accounts) for whatever is missing. Returns them, taken out of the pool.
 */
export async function takeRefreshTokens(
  context: BenchContext,
  count: number,
): Promise<{ tokens: string[]; fromLogins: number }> {
  const accounts = await context.accounts();
  const missing = Math.max(0, count - context.refreshTokens.length);
  if (missing > 0) {
    context.log(`logging in ${missing} more time(s) for refresh tokens (not measured)`);
    let next = 0;
    const worker = async () => {
      while (next < missing) {
        const account = accounts[next++ % accounts.length];
        if (account)
          context.refreshTokens.push((await login(context.gatewayUrl, account)).refreshToken);
      }
    };
    await Promise.all(Array.from({ length: context.options.loginConnections }, worker));
  }
  return { tokens: context.refreshTokens.splice(0), fromLogins: missing };
}
