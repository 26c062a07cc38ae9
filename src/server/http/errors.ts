/**
 * The closed list of error codes Koop answers with. Each maps to one HTTP status and one
 * German message the UI can show as it is; the browser translates by `code` for English.
 */
export const errorCatalogue = {
  validation_failed: {
    status: 400,
    title: 'Ungültige Eingabe',
    detail: 'Die Eingabe ist ungültig. Bitte prüfen Sie die markierten Felder.',
  },
  malformed_url: {
    status: 400,
    title: 'Ungültige Adresse',
    detail: 'Die Adresse der Anfrage ist ungültig kodiert.',
  },
  uri_too_long: {
    status: 414,
    title: 'Adresse zu lang',
    detail: 'Ein Teil der Adresse ist zu lang.',
  },
  malformed_json: {
    status: 400,
    title: 'Ungültiges JSON',
    detail: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
  },
  unsupported_media_type: {
    status: 415,
    title: 'Nicht unterstütztes Format',
    detail: 'Dieses Datenformat wird nicht unterstützt. Bitte senden Sie JSON.',
  },
  payload_too_large: { status: 413, title: 'Anfrage zu groß', detail: 'Die Anfrage ist zu groß.' },
  not_authenticated: { status: 401, title: 'Nicht angemeldet', detail: 'Bitte melden Sie sich an.' },
  session_expired: {
    status: 401,
    title: 'Sitzung abgelaufen',
    detail: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
  invalid_credentials: {
    status: 401,
    title: 'Anmeldung fehlgeschlagen',
    detail: 'E-Mail-Adresse oder Passwort ist falsch.',
  },
  totp_invalid: {
    status: 401,
    title: 'Sicherheitscode ungültig',
    detail: 'Der Sicherheitscode ist ungültig oder abgelaufen.',
  },
  csrf_failed: {
    status: 403,
    title: 'Sicherheitsprüfung fehlgeschlagen',
    detail: 'Die Sicherheitsprüfung der Anfrage ist fehlgeschlagen. Bitte laden Sie die Seite neu.',
  },
  mfa_required: {
    status: 403,
    title: 'Zweiter Faktor erforderlich',
    detail: 'Bitte bestätigen Sie die Anmeldung mit Ihrem Sicherheitscode.',
  },
  mfa_enrolment_required: {
    status: 403,
    title: 'Zweiter Faktor einzurichten',
    detail: 'Ihre Organisation verlangt einen zweiten Faktor. Bitte richten Sie ihn zuerst ein.',
  },
  forbidden: { status: 403, title: 'Nicht erlaubt', detail: 'Diese Aktion ist Ihnen nicht erlaubt.' },
  token_read_only: {
    status: 403,
    title: 'Nur Lesezugriff',
    detail: 'Dieses API-Token erlaubt nur lesende Zugriffe.',
  },
  session_required: {
    status: 403,
    title: 'Nur in der eigenen Sitzung',
    detail:
      'Passwort, zweiter Faktor, API-Tokens und Sitzungen lassen sich nur in Ihrer angemeldeten Browsersitzung ändern, nicht mit einem API-Token.',
  },
  not_found: { status: 404, title: 'Nicht gefunden', detail: 'Der Datensatz wurde nicht gefunden.' },
  route_not_found: { status: 404, title: 'Nicht gefunden', detail: 'Diese Adresse gibt es nicht.' },
  method_not_allowed: {
    status: 405,
    title: 'Methode nicht erlaubt',
    detail: 'Diese Methode ist hier nicht erlaubt.',
  },
  version_conflict: {
    status: 409,
    title: 'Bearbeitungskonflikt',
    detail:
      'Der Datensatz wurde inzwischen von jemand anderem geändert. Es wurde nichts überschrieben: Bitte laden Sie ihn neu und tragen Sie Ihre Änderung erneut ein.',
  },
  break_glass_required: {
    status: 403,
    title: 'Begründung erforderlich',
    detail:
      'Dieser Fall gehört nicht zu Ihrem Fallbestand. Sie können ihn nur mit einer Begründung öffnen; der Zugriff wird protokolliert und der fallführenden Person angezeigt.',
  },
  disclosure_refused: {
    status: 422,
    title: 'Weitergabe nicht gedeckt',
    detail: 'Die Einwilligung deckt diese Weitergabe nicht.',
  },
  referral_decided: {
    status: 409,
    title: 'Verweisung bereits entschieden',
    detail: 'Diese Verweisung wurde bereits angenommen, weitergegeben oder abgeschlossen.',
  },
  statistics_office_own_only: {
    status: 400,
    title: 'Beratungsstelle nur in der eigenen Statistik',
    detail:
      'Nach einer Beratungsstelle lässt sich nur die Statistik der eigenen Organisation aufteilen, nicht die des Verbands oder der Region.',
  },
  referral_feedback_not_allowed: {
    status: 403,
    title: 'Keine Rückmeldung vereinbart',
    detail:
      'Die Person hat einer Rückmeldung an Ihre Stelle nicht zugestimmt. Ob sie die Beratung angenommen hat, wird nicht mitgeteilt.',
  },
  agreement_locked: {
    status: 409,
    title: 'Vereinbarung nicht mehr änderbar',
    detail:
      'In diesem Stand der Vereinbarung ist diese Änderung nicht möglich; unterschriebene Texte bleiben, wie sie unterschrieben wurden.',
  },
  agreement_transition_not_allowed: {
    status: 409,
    title: 'Schritt nicht möglich',
    detail: 'Dieser Schritt ist aus dem jetzigen Stand der Vereinbarung nicht möglich.',
  },
  agreement_not_renewable: {
    status: 409,
    title: 'Keine Verlängerung',
    detail: 'Diese Vereinbarung wird nicht verlängert; sie endet mit ihrer Laufzeit.',
  },
  termination_reason_required: {
    status: 422,
    title: 'Wichtiger Grund fehlt',
    detail: 'Eine fristlose Auflösung braucht einen wichtigen Grund, der festgehalten wird.',
  },
  agreement_term_required: {
    status: 422,
    title: 'Laufzeit fehlt',
    detail:
      'Bitte das Ende der Laufzeit angeben (beim Integrationskurs: das Ende des Bewilligungszeitraums); es darf nicht vor dem Beginn liegen.',
  },
  agreement_party_invalid: {
    status: 422,
    title: 'Partei nicht möglich',
    detail:
      'Vertragsparteien sind ein oder mehrere Träger der Beratung und genau ein Partner (Ausländerbehörde, Jobcenter, Integrationskursträger).',
  },
  link_not_found: {
    status: 404,
    title: 'Link ungültig',
    detail: 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig geöffnet haben.',
  },
  link_code_wrong: {
    status: 422,
    title: 'Angaben stimmen nicht',
    detail:
      'Nummer, Code oder Geburtsjahr stimmen nicht. Nach fünf falschen Versuchen wird der Brief für eine Stunde gesperrt.',
  },
  link_locked: {
    status: 429,
    title: 'Vorübergehend gesperrt',
    detail: 'Zu viele falsche Versuche. Der Zugang ist für eine Stunde gesperrt.',
  },
  link_expired: {
    status: 410,
    title: 'Link abgelaufen',
    detail: 'Dieser Link ist abgelaufen. Bitte wenden Sie sich an die Beratungsstelle, die ihn gesendet hat.',
  },
  link_revoked: {
    status: 410,
    title: 'Link nicht mehr gültig',
    detail:
      'Dieser Link wurde zurückgezogen oder die Einwilligung gilt nicht mehr. Der Inhalt ist nicht mehr abrufbar.',
  },
  link_used: {
    status: 409,
    title: 'Link bereits verwendet',
    detail:
      'Dieser Link wurde bereits geöffnet oder beantwortet und gilt nur einmal. Bitte wenden Sie sich an die Beratungsstelle.',
  },
  letter_needs_birth_date: {
    status: 422,
    title: 'Geburtsdatum fehlt',
    detail:
      'Ein Brief mit Code braucht das Geburtsjahr der Person als zweites Merkmal. Bitte tragen Sie das Geburtsdatum ein oder senden Sie einen Link per E-Mail.',
  },
  thread_has_no_disclosure: {
    status: 422,
    title: 'Nichts zu übermitteln',
    detail: 'In diesem Verlauf gibt es noch keine Nachricht der Beratungsstelle.',
  },
  contact_id_taken: {
    status: 409,
    title: 'Kennung vergeben',
    detail: 'Diese Kennung eines Kontakts ist bereits vergeben. Bitte den Kontakt neu erfassen.',
  },
  no_suitable_office: {
    status: 422,
    title: 'Keine passende Beratungsstelle',
    detail: 'Für diese Angaben wurde keine Beratungsstelle gefunden. Bitte Ort, Sprache oder Alter prüfen.',
  },
  case_closed: {
    status: 409,
    title: 'Fall abgeschlossen',
    detail: 'Der Fall ist abgeschlossen. Nehmen Sie ihn wieder auf, um ihn zu bearbeiten.',
  },
  email_taken: {
    status: 409,
    title: 'E-Mail-Adresse vergeben',
    detail: 'Diese E-Mail-Adresse ist bereits vergeben.',
  },
  name_taken: {
    status: 409,
    title: 'Name vergeben',
    detail: 'Eine Organisation mit diesem Namen gibt es bereits.',
  },
  role_not_allowed: {
    status: 422,
    title: 'Rolle nicht zulässig',
    detail: 'Diese Rolle kann in dieser Organisation nicht vergeben werden.',
  },
  last_admin: {
    status: 409,
    title: 'Letzte Administration',
    detail: 'Die letzte aktive Administration einer Organisation kann nicht entfernt werden.',
  },
  totp_not_enrolled: {
    status: 409,
    title: 'Kein zweiter Faktor',
    detail: 'Es ist noch kein zweiter Faktor eingerichtet.',
  },
  totp_already_enabled: {
    status: 409,
    title: 'Zweiter Faktor aktiv',
    detail: 'Der zweite Faktor ist bereits eingerichtet.',
  },
  totp_required_by_organisation: {
    status: 409,
    title: 'Zweiter Faktor vorgeschrieben',
    detail: 'Ihre Organisation schreibt den zweiten Faktor vor; er kann nicht abgeschaltet werden.',
  },
  invitation_invalid: {
    status: 404,
    title: 'Einladung ungültig',
    detail: 'Diese Einladung ist ungültig oder abgelaufen.',
  },
  password_too_weak: {
    status: 422,
    title: 'Passwort zu schwach',
    detail: 'Das Passwort muss mindestens 12 Zeichen lang sein und darf nicht die E-Mail-Adresse enthalten.',
  },
  account_locked: {
    status: 423,
    title: 'Konto vorübergehend gesperrt',
    detail:
      'Zu viele fehlgeschlagene Anmeldungen. Das Konto ist vorübergehend gesperrt; bitte versuchen Sie es später erneut.',
  },
  account_inactive: {
    status: 401,
    title: 'Anmeldung fehlgeschlagen',
    detail: 'E-Mail-Adresse oder Passwort ist falsch.',
  },
  hours_overlap: {
    status: 422,
    title: 'Zeiten überschneiden sich',
    detail:
      'Zwei Sprech- oder Öffnungszeiten überschneiden sich am selben Ort und Wochentag. Bitte korrigieren Sie die markierten Zeilen; es wurde nichts gespeichert.',
  },
  partner_premises_invalid: {
    status: 422,
    title: 'Partnerräume unbekannt',
    detail:
      'Sprechzeiten in Partnerräumen können nur bei einem Jobcenter, einer Ausländerbehörde, einem Kursträger oder einer anderen Partnerorganisation liegen.',
  },
  file_type_not_allowed: {
    status: 415,
    title: 'Dateityp nicht erlaubt',
    detail:
      'Die Datei ist kein PDF-Dokument und kein PNG- oder JPEG-Bild. Geprüft wird der Inhalt der Datei, nicht ihr Name. Es wurde nichts gespeichert.',
  },
  file_too_large: {
    status: 413,
    title: 'Datei zu groß',
    detail: 'Die Datei ist zu groß. Erlaubt sind höchstens 8 MB. Es wurde nichts gespeichert.',
  },
  file_missing: {
    status: 400,
    title: 'Datei fehlt',
    detail: 'Bitte wählen Sie eine Datei aus (PDF, PNG oder JPEG) und geben Sie die Sprache an.',
  },
  rate_limited: {
    status: 429,
    title: 'Zu viele Anfragen',
    detail: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment.',
  },
  service_unavailable: {
    status: 503,
    title: 'Vorübergehend nicht verfügbar',
    detail: 'Der Dienst ist vorübergehend nicht verfügbar.',
  },
  internal_error: {
    status: 500,
    title: 'Interner Fehler',
    detail: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
  },
} as const satisfies Record<string, { status: number; title: string; detail: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** A field-level problem, shown next to the field it names. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** The one error type services throw; the edge turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly options: { detail?: string; errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(options.detail ?? errorCatalogue[code].detail);
    this.name = 'AppError';
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

/** RFC 9457 problem details as Koop sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
}

/** Builds the problem body for an error code. */
export function problemFor(
  code: ErrorCode,
  requestId: string,
  detail?: string,
  errors?: FieldError[],
): Problem {
  const entry = errorCatalogue[code];
  return {
    type: `https://koop.example/probleme/${code.replaceAll('_', '-')}`,
    title: entry.title,
    status: entry.status,
    detail: detail ?? entry.detail,
    code,
    requestId,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Shorthand used by services for "not found or no access": a denial never reveals existence. */
export const notFound = (): AppError => new AppError('not_found');
