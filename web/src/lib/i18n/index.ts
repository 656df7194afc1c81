import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '@/lib/i18n/resources';
import { remember, remembered } from '@/lib/remembered';

export const languageKey = 'jiceng.language';
export type Language = 'zh-CN' | 'en-US';

function savedLanguage(): Language {
  return remembered(languageKey) === 'en-US' ? 'en-US' : 'zh-CN';
}

// Screen readers and the browser's spelling and hyphenation follow the page's language.
i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
  }
});

void i18n.use(initReactI18next).init({
  resources,
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

/** Switches the language and remembers it for the next visit. */
export async function setLanguage(language: Language): Promise<void> {
  remember(languageKey, language);
  await i18n.changeLanguage(language);
}

export default i18n;
