import type { DocumentLanguage } from '../languages.ts';
import { ar } from './ar.ts';
import { bg } from './bg.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { fa } from './fa.ts';
import { pl } from './pl.ts';
import { ro } from './ro.ts';
import { ru } from './ru.ts';
import { tr } from './tr.ts';
import type { DocumentTexts } from './types.ts';
import { uk } from './uk.ts';

/** The texts of every document language, one file each (R-UX-1). */
export const documentTexts: Record<DocumentLanguage, DocumentTexts> = {
  de,
  en,
  ar,
  uk,
  ru,
  tr,
  fa,
  pl,
  ro,
  bg,
};

export type { DocumentTexts } from './types.ts';
