/**
 * Synthetic clients for W5: random combinations of common given and family names of the main
 * origins in migration counselling (German, Turkish, Arabic, Ukrainian; a few in their own
 * script). No record stands for a real person — every row is a random combination.
 */

export const givenNames = [
  // German
  'Anna',
  'Lena',
  'Jürgen',
  'Jörg',
  'Uwe',
  'Klaus',
  'Sören',
  'Björn',
  'Käthe',
  'Günther',
  'Petra',
  'Sabine',
  'Thomas',
  'Michael',
  'Stefan',
  'Andreas',
  'Claudia',
  'Monika',
  'Jens',
  'Maximilian',
  // Turkish
  'Ayşe',
  'Mehmet',
  'Mustafa',
  'Fatma',
  'Emine',
  'Hüseyin',
  'Özlem',
  'Çağla',
  'Gökhan',
  'Şükrü',
  'Yusuf',
  'İbrahim',
  'Elif',
  'Zeynep',
  'Emre',
  'Burak',
  'Hatice',
  'Murat',
  // Arabic
  'Mohammed',
  'Ahmad',
  'Fatima',
  'Aisha',
  'Omar',
  'Khaled',
  'Rania',
  'Yasmin',
  'Hassan',
  'Layla',
  'Nour',
  'Samir',
  'Rami',
  'Amina',
  'Karim',
  'Mariam',
  'Yousef',
  'Huda',
  // Ukrainian
  'Oleksandr',
  'Olena',
  'Iryna',
  'Dmytro',
  'Andriy',
  'Oksana',
  'Tetiana',
  'Mykola',
  'Yulia',
  'Serhiy',
  'Nataliia',
  'Bohdan',
  'Viktoriia',
  'Taras',
  'Halyna',
  'Volodymyr',
  // own scripts
  'Олена',
  'Тарас',
  'Ірина',
  'محمد',
  'فاطمة',
  'ليلى',
];

export const familyNames = [
  // German
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Schmitz',
  'Krause',
  'Meier',
  'Lehmann',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Vogel',
  'Keller',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Franke',
  'Albrecht',
  'Böhm',
  'Winter',
  'Krämer',
  'Jäger',
  'Groß',
  'Brandt',
  // Turkish
  'Yılmaz',
  'Kaya',
  'Demir',
  'Şahin',
  'Çelik',
  'Yıldız',
  'Yıldırım',
  'Öztürk',
  'Aydın',
  'Özdemir',
  'Arslan',
  'Doğan',
  'Kılıç',
  'Aslan',
  'Çetin',
  'Kara',
  'Koç',
  'Kurt',
  'Özkan',
  'Şimşek',
  'Polat',
  'Korkmaz',
  'Karataş',
  'Güneş',
  'Yalçın',
  'Aksoy',
  'Aktaş',
  'Bulut',
  // Arabic
  'Al-Hassan',
  'Haddad',
  'Khalil',
  'Mansour',
  'Nasser',
  'Saleh',
  'Ibrahim',
  'Youssef',
  'Hamdan',
  'Abboud',
  'Darwish',
  'Al-Masri',
  'Aziz',
  'Rahman',
  'Hussein',
  'Mahmoud',
  'Sabbagh',
  'Qasim',
  'Jaber',
  'Othman',
  'Barakat',
  'Suleiman',
  'Farouk',
  'Al-Ahmad',
  'Najjar',
  'Khoury',
  // Ukrainian
  'Kovalenko',
  'Shevchenko',
  'Bondarenko',
  'Tkachenko',
  'Kravchenko',
  'Oliynyk',
  'Shevchuk',
  'Koval',
  'Polishchuk',
  'Bondar',
  'Tkachuk',
  'Moroz',
  'Marchenko',
  'Lysenko',
  'Rudenko',
  'Savchenko',
  'Petrenko',
  'Klymenko',
  'Pavlenko',
  'Kovalchuk',
  'Melnyk',
  'Boyko',
  'Kuzmenko',
  'Ponomarenko',
  'Vasylenko',
  'Levchenko',
  'Kharchenko',
  'Sydorenko',
  'Karpenko',
  'Ivanenko',
  // own scripts
  'Шевченко',
  'Коваленко',
  'Бондаренко',
  'حداد',
  'الحسن',
  'خليل',
];

export const languagesByOrigin = [
  ['de'],
  ['tr', 'de'],
  ['ar'],
  ['ar', 'ku'],
  ['uk', 'ru'],
  ['ru'],
  ['fa'],
  ['en'],
];

/** Deterministic pseudo-random numbers (mulberry32), so every run draws the same queries. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a counsellor would type: without umlauts, a fragment, a typo, both names, a date or a number. */
export function searchTermFor(
  random: () => number,
  client: { given_name: string | null; family_name: string; birth_date: string | null; case_number: string },
): { kind: string; q: string } {
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ı/g, 'i')
      .replace(/ß/g, 'ss');
  // One part of a double name, as people usually give it; "Al-Hassan" stays whole.
  const family = client.family_name.split('-').find((p) => p.length >= 4) ?? client.family_name;
  const r = random();
  if (r < 0.25 && family.length >= 4)
    return { kind: 'fragment', q: family.slice(0, 3 + Math.floor(random() * 3)) };
  if (r < 0.45) return { kind: 'without_umlauts', q: plain(family) };
  if (r < 0.6 && family.length >= 6) {
    const i = 1 + Math.floor(random() * (family.length - 2));
    return { kind: 'typo', q: family.slice(0, i) + family.slice(i + 1) };
  }
  if (r < 0.8 && client.given_name)
    return { kind: 'given_and_family', q: `${plain(client.given_name)} ${plain(family)}` };
  if (r < 0.93 && client.birth_date) {
    const [y, m, d] = client.birth_date.split('-');
    return { kind: 'birth_date', q: `${d}.${m}.${y}` };
  }
  return { kind: 'case_number', q: client.case_number };
}
