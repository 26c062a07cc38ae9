import nodemailer from 'nodemailer';

/** An outgoing e-mail; text only for now, attachments where a module needs them. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The language the mail is written in (de, en), sent as Content-Language. */
  language?: string;
  attachments?: { filename: string; content: Buffer | string; contentType?: string }[];
}

/** Sends mail through SMTP; without SMTP_URL it reports that nothing was sent. */
export interface Mailer {
  readonly configured: boolean;
  send(mail: Mail): Promise<boolean>;
}

/** Builds the mailer from the SMTP URL (smtp://user:pass@host:port) or an inactive one. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { configured: false, send: () => Promise.resolve(false) };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    async send({ language, ...mail }) {
      await transport.sendMail({
        from,
        ...mail,
        ...(language ? { headers: { 'Content-Language': language } } : {}),
      });
      return true;
    },
  };
}
