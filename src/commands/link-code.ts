/**
 * `b24-assistant link-code --user ID [--portal DOMAIN] [--json]`: a fresh one-time code that links
 * a voice assistant to that portal user (what the "Голосовой помощник" page shows). Without
 * --portal, the only installed portal (the sandbox after the first `npm start`).
 */
import { parseArgs, type OptionSpec } from './args';
import { loadConfig } from '../config';
import { createCodeHasher, openConfiguredStore, resolveEncryptionKey } from '../store';
import { issueLinkCode } from '../dialog';

export const usage = 'usage: b24-assistant link-code --user ID [--portal DOMAIN] [--json]\n';
export const options: OptionSpec = { flags: ['json'], values: ['user', 'portal'] };

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, options);
  const userId = Number(args.get('user'));
  if (!Number.isInteger(userId) || userId <= 0) {
    process.stderr.write(usage);
    return 2;
  }
  const config = loadConfig();
  const store = await openConfiguredStore(config);
  try {
    const installs = await store.installs.list();
    const domain = args.get('portal')?.toLowerCase();
    const install = domain ? installs.find((i) => i.domain === domain) : installs.length === 1 ? installs[0] : undefined;
    if (!install) {
      process.stderr.write(
        installs.length === 0
          ? 'no portal installed; start the server once (npm start) so the sandbox portal installs the app\n'
          : `name the portal with --portal: ${installs.map((i) => i.domain).join(', ')}\n`,
      );
      return 2;
    }
    const hashCode = createCodeHasher(resolveEncryptionKey(config.DATA_DIR, config.ENCRYPTION_KEY));
    const code = await issueLinkCode({ linkCodes: store.linkCodes, hashCode }, { memberId: install.memberId, userId }, Date.now(), config.LINK_CODE_TTL_SECONDS * 1000);
    if (args.has('json')) process.stdout.write(JSON.stringify({ code, portal: install.domain, userId, expiresInSeconds: config.LINK_CODE_TTL_SECONDS }) + '\n');
    else process.stdout.write(`${code}  (portal ${install.domain}, user ${userId}, valid ${Math.round(config.LINK_CODE_TTL_SECONDS / 60)} min, once)\n`);
    return 0;
  } finally {
    await store.close();
  }
}
