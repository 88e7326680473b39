/** Lit elements that render a verification report; they never verify. */
export { CredlensVerdictBadge } from './verdict-badge.js';
export { CredlensCheckList } from './check-list.js';
export { CredlensCredentialCard } from './credential-card.js';
export { CredlensPresentationView } from './presentation-view.js';
export { CredlensRegistryView } from './registry-view.js';
export { define } from './define.js';
export { safeImage, safeLink } from './safe.js';
export { valueText, formatDate, countryName } from './format.js';
export { tokens, THEME_PROPERTIES } from './theme.js';
export { LANGS, toLang, langFor, messages, checkTitle, codeSummary, fill, loadLanguage, isLanguageLoaded, type Lang, type Messages, type CodeMessages } from './i18n/index.js';
export { LocalizedElement } from './localized-element.js';
export { trustTierOf, blockedByNetwork } from './report-facts.js';
