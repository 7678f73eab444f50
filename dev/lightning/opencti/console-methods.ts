import { PANEL_LIMITS } from '../state/host-tab.ts';
import { appViewInfo } from '../views/host-view.ts';
import type { MethodHandler } from './method-context.ts';
import { invalidParam, success } from './protocol.ts';

/**
 * Console-level methods: click-to-dial, navigation info, settings, layout, the utility panel and
 * item, initialisation and refresh.
 */

const registerListener =
  (methodName: string): MethodHandler =>
  ({ tab, request }) => {
    tab.addListener(methodName, request.apiVersion);
    return success(null);
  };

const setPanelSize =
  (parameter: 'heightPX' | 'widthPX', limits: { min: number; max: number }): MethodHandler =>
  ({ tab, args }) => {
    const value = args[parameter];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < limits.min || value > limits.max) {
      return invalidParam(parameter, `a number between ${limits.min} and ${limits.max}`, value);
    }
    tab.panel[parameter] = Math.round(value);
    return success(null);
  };

/** SLDS utility icon names are lower-case words joined by underscores (`end_call`). */
const ICON_KEY = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

export const CONSOLE_METHODS: Readonly<Record<string, MethodHandler>> = {
  enableClickToDial: ({ tab }) => {
    tab.clickToDialEnabled = true;
    return success(null);
  },
  disableClickToDial: ({ tab }) => {
    tab.clickToDialEnabled = false;
    return success(null);
  },
  onClickToDial: registerListener('onClickToDial'),
  onNavigationChange: registerListener('onNavigationChange'),
  getAppViewInfo: ({ tab, org }) => success(appViewInfo(tab.view, tab.origin, org.records)),
  getCallCenterSettings: ({ org }) => success({ ...org.settings() }),
  getSoftphoneLayout: ({ org }) => success(structuredClone(org.layout())),
  isSoftphonePanelVisible: ({ tab }) => success({ visible: tab.panel.visible }),
  setSoftphonePanelVisibility: ({ tab, args }) => {
    if (typeof args.visible !== 'boolean') return invalidParam('visible', 'true or false', args.visible);
    tab.panel.visible = args.visible;
    return success(null);
  },
  setSoftphonePanelHeight: setPanelSize('heightPX', PANEL_LIMITS.height),
  setSoftphonePanelWidth: setPanelSize('widthPX', PANEL_LIMITS.width),
  setSoftphonePanelLabel: ({ tab, args }) => {
    if (typeof args.label !== 'string') return invalidParam('label', 'a string', args.label);
    tab.panel.label = args.label;
    return success(null);
  },
  setSoftphonePanelIcon: ({ tab, args }) => {
    const key = args.key;
    if (typeof key !== 'string' || !ICON_KEY.test(key)) return invalidParam('key', 'an SLDS utility icon name such as "call"', key);
    tab.panel.icon = key;
    return success(null);
  },
  setSoftphoneItemLabel: ({ tab, args }) => {
    if (typeof args.label !== 'string') return invalidParam('label', 'a string', args.label);
    tab.item.label = args.label;
    return success(null);
  },
  setSoftphoneItemIcon: ({ tab, args }) => {
    const key = args.key;
    if (typeof key !== 'string' || !ICON_KEY.test(key)) return invalidParam('key', 'an SLDS utility icon name such as "call"', key);
    tab.item.icon = key;
    return success(null);
  },
  notifyInitializationComplete: ({ tab }) => {
    tab.initializationComplete = true;
    return success(null);
  },
  refreshView: (ctx) => {
    ctx.tab.refreshCount += 1;
    ctx.refresh();
    return success(null);
  },
};
