// Names of the markets Faker has no locale for (Singapore's and Malaysia's Chinese and Malay names),
// and the ways one person's name differs between their profiles.

export const SG_CHINESE = {
  last: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Chan', 'Koh', 'Teo', 'Ang', 'Yeo', 'Tay', 'Ho', 'Low', 'Toh', 'Sim', 'Chong', 'Chia', 'Foo', 'Leong', 'Seah', 'Quek'],
  given: ['Wei Ming', 'Jia Hui', 'Kai Xiang', 'Hui Min', 'Jun Jie', 'Xin Yi', 'Zhi Hao', 'Mei Ling', 'Wei Jie', 'Li Ting', 'Jun Wei', 'Shu Fen', 'Yong Sheng', 'Pei Shan', 'Boon Keng', 'Siew Ling', 'Chee Keong', 'Ai Ling', 'Kok Leong', 'Hui Ying'],
  // Many Singaporean and Malaysian Chinese use an English name beside their Chinese one.
  english: ['Jason', 'Michelle', 'Kelvin', 'Jasmine', 'Desmond', 'Christopher', 'Vanessa', 'Benjamin', 'Rachel', 'Nicholas', 'Eugene', 'Audrey', 'Alvin', 'Cheryl', 'Jonathan'],
} as const;

export const MALAY = {
  male: ['Muhammad', 'Ahmad', 'Mohd Faizal', 'Muhammad Hafiz', 'Ahmad Zulkifli', 'Mohamed Ismail', 'Azman', 'Hafiz', 'Khairul Anuar', 'Amirul', 'Syafiq', 'Hakim', 'Firdaus', 'Ridzuan'],
  female: ['Siti Nurhaliza', 'Nur Aisyah', 'Nurul Huda', 'Siti Aminah', 'Farah', 'Aisyah', 'Nur Syafiqah', 'Zarina', 'Noraini', 'Hidayah', 'Siti Khadijah', 'Nurul Izzah'],
  fathers: ['Abdullah', 'Ismail', 'Hassan', 'Ibrahim', 'Osman', 'Yusof', 'Rahman', 'Hamid', 'Salleh', 'Omar', 'Aziz', 'Zainal', 'Rashid', 'Kassim'],
} as const;

/** Short forms people give at a counter or in an app ("Christopher" and "Christo"). */
const KNOWN_SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  Christopher: ['Chris', 'Christo'],
  Benjamin: ['Ben', 'Benji'],
  Nicholas: ['Nick', 'Nic'],
  Jonathan: ['Jon', 'Jonny'],
  Michelle: ['Shelly'],
  Vanessa: ['Nessa'],
  Muhammad: ['Muhd', 'Mohd', 'Mat'],
  Mohammed: ['Mohd', 'Mo'],
  Mohamed: ['Mohd'],
  Mohammad: ['Mohd'],
  Ahmad: ['Mat'],
  Abdullah: ['Abd'],
  Siti: ['Ti'],
  Nurul: ['Nur'],
  Elizabeth: ['Liz', 'Beth'],
  Alexander: ['Alex'],
  Katherine: ['Kate', 'Kathy'],
  Venkatesh: ['Venky'],
  Subramanian: ['Subbu'],
  Krishnan: ['Krish'],
  Lakshmi: ['Lux'],
};

/** A shorter form of a first name, or undefined when the name has none (short names, non-Latin script). */
export function shortForm(firstName: string, pick: <T>(items: readonly T[]) => T): string | undefined {
  const [head, ...rest] = firstName.split(' ');
  const known = KNOWN_SHORT_FORMS[head];
  if (known) return [pick(known), ...rest].join(' ');
  if (rest.length > 0) return head; // "Siti Nurhaliza" -> "Siti", "Wei Ming" stays a choice of the caller
  if (!/^[A-Za-z]{7,}$/.test(head)) return undefined;
  return head.slice(0, pick([4, 5, 6]));
}

/** Two adjacent letters swapped: the commonest typing slip. */
export function swapAdjacent(text: string, position: number): string {
  if (text.length < 2) return text;
  const i = position % (text.length - 1);
  return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
}
