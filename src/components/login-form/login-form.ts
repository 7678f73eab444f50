import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sldsTokens } from '../slds.styles.ts';
import { AgentElement } from '../shared/agent-element.ts';
import { gateHint } from '../health-gate/gate-hint.ts';
import { controlStyles } from '../shared/controls.styles.ts';
import { loginFormStyles } from './login-form.styles.ts';
import type { AgentView } from '../../view/agent-view.ts';

/** The form's fields as typed. */
interface LoginFields {
  device: string;
  devicePassword: string;
  user: string;
  password: string;
  campaign: string;
  remember: boolean;
  rememberDevicePassword: boolean;
}

type TextField = 'device' | 'devicePassword' | 'user' | 'password' | 'campaign';

/**
 * The login form: device (with the login template it becomes), device password, user, password,
 * optional outbound campaign, "remember my user and device" and "remember the device password"
 * when the call center allows them. The NeoApi password is never remembered (docs/security.md).
 * Pre-filled from the saved preferences; required fields are checked before the intent is sent,
 * with each message tied to its field. While the machine logs in, the form is busy and says which
 * step it is on; so it is while a login sent before the softphone's session had started waits for
 * it (`waiting`, set by the shell).
 */
@customElement('dialtone-login-form')
export class LoginForm extends AgentElement {
  static override viewSlices: readonly (keyof AgentView)[] = ['agent', 'options', 'prefs', 'health'];
  static override styles = [sldsTokens, controlStyles, loginFormStyles];

  /** A login was sent and waits for the session to start (ShellState `loginWaiting`): busy, "starting". */
  @property({ attribute: false }) waiting = false;
  @state() private fields: LoginFields = { device: '', devicePassword: '', user: '', password: '', campaign: '', remember: false, rememberDevicePassword: false };
  @state() private errors: Partial<Record<TextField, string>> = {};
  /** Preferences load asynchronously; they fill the form only until the agent types. */
  private edited = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    const prefs = this.view?.prefs;
    if (changed.has('view') && prefs && !this.edited) {
      this.fields = { ...this.fields, device: prefs.device, user: prefs.user, remember: prefs.user !== '', rememberDevicePassword: prefs.devicePasswordRemembered };
    }
  }

  override render() {
    const view = this.view;
    const m = this.messages;
    if (!view || !m) return nothing;
    const agent = view.agent;
    const busy = agent.phase === 'loggingIn' || this.waiting;
    const { options, prefs } = view;
    const f = this.fields;
    const gate = gateHint(view, m);
    const login = options.loginDeviceTemplate.replace('{device}', f.device.trim() === '' ? '…' : f.device.trim());
    return html`
      <form novalidate @submit=${this.onSubmit} aria-labelledby="login-title" aria-busy=${busy ? 'true' : 'false'}>
        <h2 id="login-title">${m.loginTitle}</h2>
        <fieldset ?disabled=${busy}>
          ${this.textField('device', m.loginDevice, 'text', 'off', html`<p class="help" id="device-help">${m.loginDeviceAs(login)}</p>`)}
          ${this.textField(
            'devicePassword',
            m.loginDevicePassword,
            'password',
            'off',
            prefs.devicePasswordRemembered ? html`<p class="help" id="devicePassword-help">${m.loginDevicePasswordRemembered}</p>` : nothing,
          )}
          ${this.textField('user', m.loginUser, 'text', 'username')}
          ${this.textField('password', m.loginPassword, 'password', 'current-password')}
          ${options.campaigns.length > 0
            ? html`<div class="field">
                <label for="campaign">${m.loginCampaign}</label>
                <select id="campaign" data-testid="login-campaign" .value=${f.campaign} @change=${(e: Event) => this.set('campaign', (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${f.campaign === ''}>${m.loginNoCampaign}</option>
                  ${options.campaigns.map((c) => html`<option value=${String(c.id)} ?selected=${f.campaign === String(c.id)}>${c.name}</option>`)}
                </select>
              </div>`
            : this.textField('campaign', m.loginCampaignNumber, 'text', 'off', nothing, 'numeric')}
          ${options.rememberUser ? this.checkbox('remember', m.loginRemember) : nothing}
          ${options.allowRememberDevicePassword ? this.checkbox('rememberDevicePassword', m.loginRememberDevicePassword, m.loginRememberDevicePasswordHelp) : nothing}
          <button type="submit" class="brand wide" data-testid="login-submit" ?disabled=${gate !== null} aria-describedby=${gate === null ? nothing : 'gate-hint'}>${m.loginSubmit}</button>
          ${gate === null ? nothing : html`<p class="error" id="gate-hint" data-testid="gate-hint">${gate}</p>`}
        </fieldset>
        <p class="pending" role="status" data-testid="login-step">
          ${agent.phase === 'loggingIn' ? (agent.step === 'registering' ? m.loginRegistering : m.loginAuthenticating) : this.waiting ? m.booting : nothing}
        </p>
      </form>
    `;
  }

  private textField(name: TextField, label: string, type: 'text' | 'password', autocomplete: string, help: unknown = nothing, inputmode = 'text') {
    const error = this.errors[name];
    const describedBy = [help === nothing ? '' : `${name}-help`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for=${name}>${label}</label>
        <input
          id=${name}
          name=${name}
          type=${type}
          inputmode=${inputmode}
          autocomplete=${autocomplete}
          data-testid=${`login-${name}`}
          .value=${this.fields[name]}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy === '' ? nothing : describedBy}
          @input=${(e: Event) => this.set(name, (e.target as HTMLInputElement).value)}
        />
        ${help}
        ${error ? html`<p class="error" id=${`${name}-error`}>${error}</p>` : nothing}
      </div>
    `;
  }

  private checkbox(name: 'remember' | 'rememberDevicePassword', label: string, help?: string) {
    return html`
      <div class="check">
        <input
          id=${name}
          type="checkbox"
          data-testid=${`login-${name}`}
          aria-describedby=${help === undefined ? nothing : `${name}-help`}
          .checked=${this.fields[name]}
          @change=${(e: Event) => {
            this.edited = true;
            this.fields = { ...this.fields, [name]: (e.target as HTMLInputElement).checked };
          }}
        />
        <label for=${name}>${label}</label>
      </div>
      ${help === undefined ? nothing : html`<p class="help" id=${`${name}-help`}>${help}</p>`}
    `;
  }

  private set(name: TextField, value: string): void {
    this.edited = true;
    this.fields = { ...this.fields, [name]: value };
    if (this.errors[name]) this.errors = { ...this.errors, [name]: undefined };
  }

  /** Which fields are wrong, with a message that names the field and, for the campaign, the value. */
  private validate(): Partial<Record<TextField, string>> {
    const m = this.messages;
    const view = this.view;
    if (!m || !view) return {};
    const f = this.fields;
    const errors: Partial<Record<TextField, string>> = {};
    if (f.device.trim() === '') errors.device = m.fieldRequired(m.loginDevice);
    if (f.devicePassword === '' && !view.prefs.devicePasswordRemembered) errors.devicePassword = m.fieldRequired(m.loginDevicePassword);
    if (f.user.trim() === '') errors.user = m.fieldRequired(m.loginUser);
    if (f.password === '') errors.password = m.fieldRequired(m.loginPassword);
    const campaign = f.campaign.trim();
    if (campaign !== '' && !/^\d+$/.test(campaign)) errors.campaign = m.campaignNotANumber(campaign);
    return errors;
  }

  private readonly onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.view?.agent.phase !== 'loggedOut' || this.waiting) return;
    this.errors = this.validate();
    const first = Object.keys(this.errors)[0];
    if (first !== undefined) {
      // Focus the first wrong field so a keyboard or screen-reader user lands on its message.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#${first}`)?.focus();
      return;
    }
    const f = this.fields;
    const campaign = f.campaign.trim();
    const options = this.view.options;
    this.send({
      kind: 'login',
      user: f.user.trim(),
      device: f.device.trim(),
      password: f.password,
      devicePassword: f.devicePassword,
      campaign: campaign === '' ? null : Number(campaign),
      remember: options.rememberUser && f.remember,
      rememberDevicePassword: options.allowRememberDevicePassword && f.rememberDevicePassword,
    });
    // The NeoApi password is never kept longer than the request needs it.
    this.fields = { ...this.fields, password: '' };
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'dialtone-login-form': LoginForm;
  }
}
