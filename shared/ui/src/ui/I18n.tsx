import { createContext, useContext, type ReactNode } from "react";
import type { UiLocale } from "../host/HostAdapter.ts";
import { translator, type Translate } from "../i18n/translate.ts";

interface I18n {
  readonly locale: UiLocale;
  readonly t: Translate;
}

const I18nContext = createContext<I18n>({ locale: "en", t: translator("en") });

export function I18nProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: translator(locale) }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
