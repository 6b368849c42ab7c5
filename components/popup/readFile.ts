/** Largest document a seller can send: the request must stay under the channel's 1 MiB body limit. */
export const MAX_FILE_BYTES = 700 * 1024;

/** The file's bytes as base64 (FileReader, so it works in every extension page). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
