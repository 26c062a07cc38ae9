/** A file chosen in the browser, as the API takes it in JSON: its type and bytes in base64. */
export interface ChosenFile {
  filename: string;
  contentType: string;
  base64: string;
  size: number;
}

/** Reads a chosen file as base64 (without the data-URL prefix). */
export function readFile(file: File): Promise<ChosenFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({
        filename: file.name,
        contentType: file.type,
        base64: typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '',
        size: file.size,
      });
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

/** A file size as people read it: "820 KB", "1,4 MB". */
export function formatSize(bytes: number, locale: 'de' | 'en'): string {
  const format = (n: number, digits: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: digits }).format(n);
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}
