import type { FramePart } from '../../messages.js';

export const messages: FramePart = {
  frame: {
    loading: (title) => `Cargando ${title}…`,
    configErrorTitle: 'Esta aplicación integrada no está bien configurada',
    configErrorBody: 'La página debe darle un título y los orígenes en los que confía. Los detalles están en la consola del navegador.',
    connectErrorTitle: (title) => `${title} no pudo iniciarse`,
    connectTimeout: 'La aplicación no respondió a tiempo.',
    refusedOrigin: (origin) => `La aplicación se ejecuta en ${origin}, un origen en el que esta página no confía.`,
  },
};
