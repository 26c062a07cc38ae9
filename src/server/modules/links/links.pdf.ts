import { renderTypstPdfOffThread, typstFonts } from '../../documents/typst.ts';

/**
 * The letter for a partner off the platform (R-REF-5): who sent something, about whom, and how
 * to open it — the address, the letter's number and its code; the person's year of birth is the
 * second factor the recipient knows from its own records. The message itself is not printed: it
 * is read once on the answer page, where the consent is checked at that moment.
 */
export interface LetterData {
  sender: string;
  senderAddress: string | null;
  recipient: string;
  recipientOrganisation: string;
  about: string;
  date: string;
  validUntil: string;
  address: string;
  number: string;
  code: string;
}

const letterTemplate = `
#let data = json(bytes(sys.inputs.data))
#set document(title: "Nachricht der Migrationsberatung")
#set page(paper: "a4", margin: (x: 2.2cm, top: 2cm, bottom: 2.2cm))
#set text(font: ${typstFonts}, size: 10.5pt, lang: "de")

#text(9pt, fill: luma(80))[#data.sender#if data.senderAddress != none [ · #data.senderAddress]]
#v(0.6cm)
#data.recipient \\
#data.recipientOrganisation
#v(1cm)
#align(right)[#data.date]
#v(0.4cm)
#text(13pt, weight: "bold")[Eine Nachricht für Sie in Koop]
#v(0.2cm)
#data.sender hat Ihnen mit Einwilligung der Person eine Nachricht gesendet. Es geht um: *#data.about*.

Sie lesen die Nachricht einmal im Internet und können einmal antworten — ohne Zugang zu Koop:

#block(fill: luma(238), inset: 10pt, radius: 3pt, width: 100%)[
  #table(columns: (4.2cm, 1fr), stroke: none, inset: 4pt,
    [Adresse], text(weight: "bold", data.address),
    [Nummer], text(weight: "bold", data.number),
    [Code], text(weight: "bold", size: 12pt, data.code),
    [Zusätzlich], [das Geburtsjahr der Person],
    [Gültig bis], data.validUntil,
  )
]

Nach fünf falschen Eingaben wird der Zugang für eine Stunde gesperrt. Bewahren Sie diesen Brief vertraulich auf und vernichten Sie ihn, wenn Sie die Nachricht gelesen haben.

#v(0.6cm)
#text(9pt, fill: luma(80))[Die Migrationsberatung ist eigenständig und unabhängig. Sie gibt nur weiter, was die Person schriftlich erlaubt hat.]
`;

export function renderLetter(data: LetterData): Promise<Buffer> {
  return renderTypstPdfOffThread(letterTemplate, data);
}
