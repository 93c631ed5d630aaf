import 'i18next';
import type en from './en.json';

// English is the reference: `t('…')` only accepts keys that exist in en.json, and the key-parity spec keeps
// fa.json in step with it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
