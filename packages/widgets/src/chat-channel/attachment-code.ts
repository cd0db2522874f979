export type AttachmentCode = typeof import('./composer-attachments.js');

/**
 * Where `<rai-chat-composer>`'s attachment code (uploads, the attachment list) comes from: a
 * chunk of its own, loaded on the first attach or paste of an image, or on intent (the attach
 * button hovered or focused). Tests replace `load` to hold it back or make it fail.
 */
export const attachmentCode: { load: () => Promise<AttachmentCode> } = {
  load: () => import('./composer-attachments.js'),
};
