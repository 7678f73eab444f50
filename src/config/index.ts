/**
 * The adapter's entry to configuration: settings map → validated Config. Deliberately leaves out
 * `call-center-xml.ts` (XML → settings map), which Node tools import directly, so the browser
 * bundle never carries an XML parser.
 */
export { configFromSettings, validateConfig, type ConfigResult } from './config-from-settings.ts';
export { CONFIG_ERROR_CODES, ConfigError, type ConfigErrorCode, type ConfigIssue } from './config-error.ts';
export * from './config-types.ts';
export * from './defaults.ts';
export {
  SECTION_NAMES,
  SETTING_ITEMS,
  rawSettingValue,
  settingLabel,
  settingPath,
  settingValue,
  type ItemName,
  type SectionName,
  type SettingPath,
  type SettingsMap,
} from './settings-map.ts';
