/** Encodes one path segment (an id), so ids never change a path's shape. */
export const seg = encodeURIComponent;
