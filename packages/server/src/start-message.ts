/**
 * What `pnpm start` prints once the server listens (main.ts): the editor's address, then, for an address
 * other machines reach, that accounts are required and how colleagues reach it. Whether accounts are required
 * is decided by `isLoopback`, the same decision `securityFor` makes: any 127.x.x.x, localhost and ::1 are this
 * machine only and answer without login, so the message never says "须登录" where none is asked.
 */
import { LOCAL_HOST } from './cli-args.ts';
import { isLoopback } from './security/server-setup.ts';

/** What the start message is built from. */
export interface StartInfo {
  /** The `--host` address listened on (127.0.0.1 by default). */
  host: string;
  /** The port listened on. */
  port: number;
  /** The store, as `describeDatabase` names it. */
  database: string;
  /** `--plain-http`: the session cookie without Secure. */
  plainHttp: boolean;
}

/** The address a browser on this machine opens: 127.0.0.1 for a wildcard host, else the host itself. */
export function localUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? LOCAL_HOST : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${h}:${port}/`;
}

/** The lines printed when the server listens, Chinese with the English beside. */
export function startLines(info: StartInfo): string[] {
  const { host, port } = info;
  const lines = [`jixiao 方案编辑器已启动：${localUrl(host, port)}  (editor listening; database: ${info.database})`];
  if (isLoopback(host)) {
    if (host !== LOCAL_HOST) lines.push(`  已在 ${host} 上监听：仅本机可访问，无需登录（listening on ${host}: this machine only, no login）`);
    return lines;
  }
  // on every address: the users reach it by this machine's intranet name or address, not 127.0.0.1
  const shown = host === '0.0.0.0' || host === '::' ? '本机的内网地址' : host;
  lines.push(`  已在 ${host} 上监听，须登录：同事请用 http(s)://${shown}:${port}/ 访问（listening on ${host}; accounts required）`);
  if (!info.plainHttp) {
    lines.push(
      '  登录 Cookie 仅经 HTTPS 发送：请在前面放 HTTPS 反向代理；若内网只用 HTTP，请加 --plain-http，否则浏览器登录会失败。' +
        '（the login cookie is Secure: put an HTTPS proxy in front, or pass --plain-http on a plain-HTTP intranet）',
    );
  }
  return lines;
}
