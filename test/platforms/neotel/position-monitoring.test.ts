import { describe, expect, it } from 'vitest';
import { parsePosition } from '../../../src/platforms/neotel/position.ts';
import { monitoredByOf } from '../../../src/platforms/neotel/position-monitoring.ts';

const base = 'DEVICE=SIP/1001|STATUS=OK|USUARIO=1001|IDLLAMADA=4711|ESTADO_CRM=Available|SUBTIPO_DESCANSO=0|SAL_CAMPAÑA_DEFAULT=0|';

describe('who monitors this user, from Position', () => {
  it('reads MONITOREO and MONITOREO_USUARIO', () => {
    expect(monitoredByOf(parsePosition(`${base}MONITOREO=assist|MONITOREO_USUARIO=2001|`))).toEqual({ mode: 'assist', supervisor: '2001' });
    expect(monitoredByOf(parsePosition(`${base}MONITOREO=Escuchar|MONITOREO_USUARIO=|`))).toEqual({ mode: 'listen', supervisor: null });
  });

  it('reports nobody when the keys are absent, empty or hold an unknown mode (older servers)', () => {
    expect(monitoredByOf(parsePosition(base))).toBeNull();
    expect(monitoredByOf(parsePosition(`${base}MONITOREO=|MONITOREO_USUARIO=|`))).toBeNull();
    expect(monitoredByOf(parsePosition(`${base}MONITOREO=<script>|MONITOREO_USUARIO=2001|`))).toBeNull();
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('reports nobody for MONITOREO=%s, an Object.prototype member and no mode', (mode) => {
    expect(monitoredByOf(parsePosition(`${base}MONITOREO=${mode}|MONITOREO_USUARIO=2001|`))).toBeNull();
  });
});
