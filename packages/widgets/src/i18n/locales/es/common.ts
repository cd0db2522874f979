import type { CommonMessages } from '../../messages.js';

export const messages: CommonMessages = {
  loading: 'Cargando…',
  retry: 'Reintentar',
  errorTitle: 'Algo salió mal',
  errorNetwork: 'No pudimos conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.',
  errorGeneric: 'Este widget no se pudo cargar.',
  sessionExpiredTitle: 'Tu sesión ha caducado',
  sessionExpiredBody: 'Inicia sesión de nuevo para ver tu progreso.',
  signIn: 'Iniciar sesión',
  live: 'En directo',
};
