// What the browser suites keep in a webview frame's window while they watch it.
export {};

declare global {
  interface Window {
    /** Uncaught errors in the frame, from the moment a suite started watching it. */
    __errors?: string[];
    /** Content-Security-Policy violations the frame reported. */
    __violations?: string[];
    /** Set only if an injection payload ran. */
    __pwned?: unknown;
  }
}
