/**
 * The Portuguese texts of the catalogue's nested sections (health gate, attendant, connector,
 * phone window, notice causes, failures). One file per language, so the browser fetches only the
 * language on screen (src/i18n/lazy.ts; the three together were a shared 8 KB gzip chunk every
 * catalogue pulled, docs/benchmarks.md "Size"). The section files keep the types, and the types
 * keep the three files complete: a key added to one section must be added here in every language.
 */
import type { AttendantMessages } from './attendant-messages.ts';
import type { ConnectorMessages } from './connector-messages.ts';
import type { FailureMessages } from './failures.ts';
import type { HealthMessages } from './health-messages.ts';
import type { NoticeCauseMessages } from './notice-causes.ts';
import type { PhoneWindowMessages } from './phone-window-messages.ts';
import type { RefusalHints } from './refusal-hints.ts';
import { failedIn } from './operations.ts';

export const HEALTH_PT: HealthMessages = {
  title: 'Antes de receber chamadas',
  allClear: 'Tudo verificado: você pode receber chamadas.',
  blocked: 'Você não pode receber chamadas até resolver isto:',
  checkAgain: 'Verificar de novo',
  allowMicrophone: 'Permitir o microfone',
  playTone: 'Tocar um tom de teste',
  tonePlaying: 'Tocando o tom de teste…',
  tonePlayed: 'O tom de teste tocou. Se não ouviu, verifique o volume do fone ou do alto-falante.',
  level: 'Nível do microfone',
  blockedHint: (reason) => `Não é possível agora: ${reason}`,
  check: { microphone: 'Microfone', speaker: 'Alto-falante e toque', phone: 'Registro do telefone', platform: 'Central de contato', salesforce: 'Salesforce', storage: 'Armazenamento do navegador' },
  status: { ok: 'OK', failed: 'Falha', warning: 'Verificar', checking: 'Verificando…', later: 'Ao entrar', skipped: 'Não usado' },
  reason: {
    micDenied: 'O navegador bloqueia o microfone. Clique no cadeado à esquerda do endereço, coloque Microfone em Permitir e volte aqui.',
    micPrompt: 'O navegador pedirá o microfone quando você entrar: escolha Permitir.',
    micNoDevice: 'Nenhum microfone encontrado. Conecte o fone e clique em “Verificar de novo”.',
    micSilent: 'Seu microfone não envia som. Verifique se não está mudo (botão do fone ou configurações do sistema).',
    micFailed: 'Não foi possível abrir o microfone. Feche outros programas que o usam e clique em “Verificar de novo”.',
    speakerNoDevice: 'Nenhum alto-falante ou fone encontrado. Conecte um e clique em “Verificar de novo”.',
    toneFailed: 'O tom de teste não pôde tocar. Permita som para este site e tente de novo.',
    phoneLater: 'Verificado quando você entra.',
    phoneDown: 'O telefone não está registrado: as chamadas não chegam até você. Saia e entre de novo; se continuar, avise seu supervisor.',
    phoneReconnecting: 'O telefone está reconectando: as chamadas não chegam até você até ele voltar. Aguarde um momento.',
    platformUnreachable: 'A central de contato não responde. Verifique sua rede; o Dialtone continua tentando sozinho.',
    platformViaPhone: 'Esta central de contato é verificada pelo registro do telefone.',
    salesforceStandalone: 'Não está aberto dentro do Salesforce: aqui não há telas de registro nem registros de chamadas.',
    salesforceFailed: 'O Salesforce não respondeu. Recarregue a página do Salesforce; os registros de chamadas esperam neste navegador.',
    storageUnavailable: 'Este navegador não deixa o Dialtone guardar dados: os registros de chamadas se perdem se a página fechar. Permita os dados do site do Dialtone.',
  },
  statusPlatformLost: 'Conexão perdida',
};

export const ATTENDANT_PT: AttendantMessages = {
  locale: 'pt',
  historyTitle: 'Chamadas recentes',
  historyEmpty: 'Ainda não há chamadas: aqui aparecem as que você atende ou faz.',
  historyKept: (limit) => `Suas últimas ${limit} chamadas ficam guardadas neste navegador; “Esquecer-me” as apaga.`,
  directions: { inbound: 'Recebida', outbound: 'Efetuada', dialer: 'Campanha' },
  withheld: 'Número privado',
  unknownCaller: 'Chamador desconhecido',
  notAnswered: 'Não atendida',
  talked: (clock) => `Falou ${clock}`,
  notCategorised: 'Sem resultado',
  redial: 'Ligar',
  redialLabel: (who) => `Ligar para ${who}`,
  showInCrm: 'Ver no CRM',
  showInCrmLabel: (what) => `Ver no CRM: ${what}`,
  foundInCrm: 'Encontrado no Salesforce',
  panelSizeRange: 'Largura 200–1920 px, altura 240–2560 px. Deixe em branco para o tamanho da central; o seu tamanho volta a cada carregamento.',
  panelSizeRefused: 'Não aplicado: a largura deve ser de 200–1920 px e a altura de 240–2560 px (ou em branco).',
  linksTitle: 'Links de telefone',
  linksHelp: 'Deixe este navegador abrir com o Dialtone os links tel:, sip: e callto: de qualquer página. Os links dentro do Salesforce já discam com o clique para discar.',
  linksRegister: 'Abrir links de telefone com o Dialtone',
  linksRegistered: 'Pedido ao navegador. Se ele mostrar um aviso, escolha Permitir: os links de telefone vão discar pela aba que tem o seu telefone.',
  linksUnsupported: 'Este navegador não consegue passar links de telefone ao Dialtone. Use o clique para discar no Salesforce ou digite o número.',
  linksFailed: (detail) => `O navegador recusou registrar o Dialtone para links de telefone: ${detail}`,
};

export const CONNECTOR_PT: ConnectorMessages = {
  recordingTitle: 'Gravação da chamada',
  recordingPlayer: 'Reproduzir a gravação da chamada',
  recordingOpen: 'Abrir a gravação em uma nova aba',
  recordingFailed:
    'Não foi possível carregar a gravação: talvez ainda não esteja pronta ou o servidor de gravações a recusou. Tente de novo em um minuto, ou abra-a pelo link da tarefa.',
  recordingRetry: 'Tentar de novo',
  reopenedSynced: 'O novo registro que você salvou foi vinculado a esta chamada.',
  reopenedNotSynced:
    'Ainda não há um novo registro salvo para esta chamada: salve-o no Salesforce e clique em “Sincronizar registro novo”, ou libere o contato para continuar trabalhando.',
  reopenedSearch: 'Vários registros coincidem: escolha o desta chamada com “Usar este registro”.',
  customerTime: (zone) => `Hora do cliente (${zone})`,
  agentTime: (time) => `Sua hora: ${time}`,
  zoneFromRecord: 'fuso horário do registro',
  zoneFromNumber: 'fuso horário pelo número',
};

export const PHONE_WINDOW_PT: PhoneWindowMessages = {
  windowTitle: 'Telefone Dialtone',
  windowWhy: 'Esta janela mantém as suas chamadas: recarregar ou fechar abas do Salesforce nunca derruba uma. Mantenha-a aberta; se a fechar, o painel do Salesforce retoma o telefone.',
  connected: 'O seu telefone funciona na janela de telefone: recarregar o Salesforce não derruba uma chamada.',
  show: 'Mostrar janela de telefone',
  offer: 'Abra a janela de telefone para que recarregar o Salesforce nunca derrube uma chamada.',
  open: 'Abrir janela de telefone',
  busy: 'Termine esta chamada primeiro: a janela de telefone assume o telefone entre chamadas.',
  blocked: 'O navegador bloqueou a janela de telefone. Permita pop-ups para este site e clique de novo em Abrir janela de telefone.',
  useLabel: 'Usar uma janela de telefone',
  useHelp: 'Uma janela pequena que mantém as suas chamadas enquanto o Salesforce recarrega.',
};

export const NOTICE_CAUSES_PT: NoticeCauseMessages = {
  sipPassword: 'O servidor telefônico recusou a senha do dispositivo. Verifique o número do dispositivo e a senha que você digitou e entre de novo.',
  sipDevice: 'O servidor telefônico não conhece este dispositivo. Verifique o número do dispositivo que você digitou e entre de novo.',
  sipUnreachable: 'O servidor telefônico não respondeu. Verifique sua rede e entre de novo; se continuar, avise seu supervisor.',
  sipRefused: 'O servidor telefônico não aceitou registrar este dispositivo. Entre de novo em instantes; se continuar, avise seu supervisor.',
  platformLostInCall: 'A conexão com a central de contato caiu: a chamada pode continuar ativa. Continue falando se ouve o cliente e desligue aqui ao terminar; se a chamada caiu, aguarde: o Dialtone reconecta sozinho.',
};

export const FAILURES_PT: FailureMessages = {
  op: failedIn('pt'),
  cause: {
    UNREACHABLE: 'A central de contato não respondeu, então nada mudou. Tente de novo em instantes; se continuar, verifique sua rede ou avise seu supervisor.',
    REFUSED: 'A central de contato recusou. Verifique o número ou seu estado atual e tente de novo.',
    NOT_LOGGED_IN: 'A central de contato não tem mais sua sessão. Entre de novo.',
    BAD_CREDENTIALS: 'O usuário ou a senha estão errados. Verifique-os e entre de novo.',
    DEVICE_UNAVAILABLE: 'Seu dispositivo telefônico não está registrado ou outra pessoa o está usando. Verifique o número do dispositivo ou fale com seu supervisor.',
    ALREADY_LOGGED_IN: 'Este usuário está conectado em outra posição. Saia de lá primeiro ou fale com seu supervisor.',
    NO_LICENCES: 'A central de contato não tem licenças de agente livres. Tente mais tarde ou fale com seu supervisor.',
    MISCONFIGURED: 'A central de contato não entendeu o pedido: a configuração dela não corresponde à do Dialtone. Envie os detalhes técnicos ao seu administrador.',
    UNSUPPORTED: 'Esta central de contato não pode fazer isso.',
  },
  details: 'Detalhes técnicos',
};

export const REFUSAL_HINTS_PT: RefusalHints = {
  NOT_LOGGED_IN: 'Entre primeiro.',
  ALREADY_LOGGED_IN: 'Saia primeiro para mudar de usuário ou dispositivo.',
  LOGIN_IN_PROGRESS: 'Aguarde o fim da entrada.',
  LOGOUT_IN_PROGRESS: 'Aguarde o fim da saída.',
  CALL_IN_PROGRESS: 'Encerre antes a chamada em curso.',
  WRAP_UP_IN_PROGRESS: 'Termine antes a tabulação.',
  NO_CALL: 'Não há áudio de chamada aqui para controlar.',
  NOT_RINGING: 'Aguarde o telefone tocar.',
  NOT_CONNECTED: 'Aguarde a chamada conectar.',
  NOT_IN_WRAP_UP: 'Disponível quando a chamada terminar.',
  ALREADY_HELD: 'A chamada está em espera: retome-a antes.',
  NOT_HELD: 'A chamada não está em espera.',
  ALREADY_MUTED: 'O microfone está silenciado: ative-o antes.',
  NOT_MUTED: 'O microfone não está silenciado.',
  NO_CONTACT: 'Esta chamada não tem um contato da plataforma.',
  ALREADY_ON_BREAK: 'Você já está nesta pausa.',
  NOT_ON_BREAK: 'Você não está em pausa.',
  ALREADY_IN_CAMPAIGN: 'Você já está nesta campanha.',
  NOT_IN_CAMPAIGN: 'Entre antes em uma campanha.',
  OPERATION_PENDING: 'Aguarde a resposta da plataforma.',
  PHONE_NOT_REGISTERED: 'Aguarde o telefone conectar.',
  CATEGORISATION_DISABLED: 'Esta central não usa tabulações.',
  CATEGORISATION_REQUIRED: 'Salve antes uma tabulação.',
  RELEASE_NOT_ALLOWED: 'Salve antes uma tabulação.',
  INVALID_ARGUMENT: 'Confira o que escolheu ou digitou.',
  TRANSFER_IN_PROGRESS: 'Há uma transferência em curso: use antes Concluir transferência ou Fim da transferência.',
  NOT_CONSULTING: 'Inicie antes uma transferência com consulta.',
  CONFERENCE_IN_PROGRESS: 'Encerre antes a conferência.',
  NOT_IN_CONFERENCE: 'Inicie antes a conferência.',
};
