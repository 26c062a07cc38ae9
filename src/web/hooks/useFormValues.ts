import { useCallback, useState } from 'react';

/** The keys of T whose values are strings (text inputs and selects). */
export type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/** Form state for a flat record of values, with a typed setter and a binder for text fields. */
export function useFormValues<T extends object>(initial: T) {
  const [values, setValues] = useState<T>(initial);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);

  /** name, value and onChange for a TextField or SelectField bound to a string value. */
  const text = (key: TextKey<T>) => ({
    name: key,
    value: String(values[key]),
    onChange: (value: string) => set(key, value as T[TextKey<T>]),
  });

  return { values, set, text, replace: setValues };
}
