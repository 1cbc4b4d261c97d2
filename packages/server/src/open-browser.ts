/**
 * Opens the user's browser on the editor — only where there is a display to show it: never under
 * CI, and on Linux only when DISPLAY or WAYLAND_DISPLAY is set.
 */
import { spawn } from 'node:child_process';

/** True when opening a browser makes sense in this environment. */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (env['CI']) return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY']);
}

/** Best effort: launches the platform's opener detached; failures are only logged. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [cmd, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => console.warn(`未能自动打开浏览器，请手动访问 ${url} (could not open a browser)`));
    child.unref();
  } catch {
    console.warn(`未能自动打开浏览器，请手动访问 ${url} (could not open a browser)`);
  }
}
