/** The path of a Chromium binary (CHROMIUM_PATH, a Playwright browser, a system one, else Debian's installed as root); throws what to install otherwise. */
export function ensureChromium(env?: NodeJS.ProcessEnv): string;
