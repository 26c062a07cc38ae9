import { useEffect, useRef } from 'react';

/** Opens a PDF the server made in a new tab, keeping one address alive at a time. */
export function usePdfWindow() {
  const current = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (current.current) URL.revokeObjectURL(current.current);
    },
    [],
  );
  return (blob: Blob) => {
    if (current.current) URL.revokeObjectURL(current.current);
    current.current = URL.createObjectURL(blob);
    window.open(current.current, '_blank', 'noopener');
  };
}
