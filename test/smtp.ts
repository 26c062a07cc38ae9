import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '../src/server/mail/mailer.ts';

/** A real SMTP server on a free loopback port, keeping every mail it receives as raw text. */
export interface TestSmtp {
  mails: string[];
  mailer: Mailer;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<TestSmtp> {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push(raw);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    mails,
    mailer: createMailer(`smtp://127.0.0.1:${port}`, 'koop@example.org'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The body of a raw mail with quoted-printable soft line breaks and escapes undone. */
export function mailBody(raw: string): string {
  const latin1 = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
