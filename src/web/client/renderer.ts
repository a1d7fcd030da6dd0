// The form renderer (survey-core, its translations and theme, survey-js-ui and their stylesheet),
// loaded by a page after its own script: the enumerator app's PIN screen and list need none of it,
// so they show while the renderer (most of the app's bytes) still downloads. The page lists the
// files as <link rel="preload" data-renderer> (pages.ts), so the download starts with the page;
// scripts run in their listed order.
import { bindSurvey } from './survey-global';

let loading: Promise<void> | undefined;

function load(link: HTMLLinkElement): Promise<void> {
  return new Promise((done, fail) => {
    const style = link.getAttribute('as') === 'style';
    const el = style
      ? Object.assign(document.createElement('link'), { rel: 'stylesheet', href: link.href })
      : Object.assign(document.createElement('script'), { src: link.href, async: false });
    el.addEventListener('load', () => done());
    el.addEventListener('error', () => fail(new Error(`Could not load ${link.href}`)));
    // The renderer's stylesheet goes before ours, as on the other pages: ours overrides it.
    const own = style ? document.head.querySelector('link[rel="stylesheet"]') : null;
    if (own) own.before(el);
    else document.head.append(el);
  });
}

/** Loads the renderer once (a failed load, offline before the files were cached, is tried again). */
export function loadRenderer(): Promise<void> {
  loading ??= (async () => {
    if (!(globalThis as { Survey?: unknown }).Survey) {
      await Promise.all(Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][data-renderer]'), load));
    }
    bindSurvey();
  })().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
