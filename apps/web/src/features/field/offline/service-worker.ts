/** Installs the field app's service worker (built into /sw.js), so the app opens with no signal. */
export function registerFieldServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
