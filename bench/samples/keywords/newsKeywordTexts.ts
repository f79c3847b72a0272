import type { Random } from "../Random.ts";

/**
 * Text for the keyword benchmark's news clips, put together from parts so that each seed shows
 * lines no other seed showed in that order: invented names, real places, German and English
 * headlines. Overlay texts (logos, addresses, clocks, tickers) come from their own lists.
 */
const FIRST = [
  "Anna",
  "Jonas",
  "Lena",
  "Felix",
  "Miriam",
  "Tobias",
  "Sarah",
  "David",
  "Clara",
  "Peter",
  "Laura",
  "Simon",
  "Grace",
  "Oliver",
];
const LAST = [
  "Schäfer",
  "Becker",
  "Hoffmann",
  "Wagner",
  "Keller",
  "Brandt",
  "Lorenz",
  "Hartmann",
  "Vogel",
  "Morgan",
  "Walsh",
  "Turner",
  "Hughes",
  "Petersen",
];
const PLACES = [
  "Berlin",
  "Hamburg",
  "Köln",
  "München",
  "Leipzig",
  "Bremen",
  "Dresden",
  "Hannover",
  "London",
  "Paris",
  "Brüssel",
  "Wien",
  "Kiel",
  "Mainz",
];
const ROLES_DE = [
  "Sprecherin der Polizei",
  "Reporter",
  "Bürgermeister",
  "Landrat",
  "Feuerwehr",
  "Vorsitzende",
  "Ministerin für Umwelt",
  "Korrespondentin",
];
const ROLES_EN = [
  "Correspondent",
  "Chief Economist",
  "Mayor",
  "Police spokesman",
  "Fire chief",
  "Climate researcher",
  "Union leader",
];
const HEADLINES_DE = [
  "Hochwasser in {p}",
  "Streik bei der Bahn",
  "Neues Gesetz zur Rente",
  "Stau auf der Autobahn",
  "Wahl in {p}",
  "Brand in der Altstadt",
  "Schulen bleiben geschlossen",
  "Sturm über {p}",
];
const HEADLINES_EN = [
  "Storm warning for {p}",
  "Election night in {p}",
  "Trade deal signed",
  "Rail strike in {p}",
  "Flood defences tested",
  "Markets close higher",
  "Summit in {p}",
];

export const LOGOS = ["NEWS24", "INFO TV", "RTX", "NACHRICHTEN", "WORLD NEWS"];
export const ADDRESSES = [
  "www.nachrichten-example.de",
  "tv.example.com",
  "news.example.org",
  "www.sender-example.de/live",
  "example.tv",
];

export type TextLanguage = "de" | "en";

/** A lower third: a name and a role, or a headline and a place. */
export function lowerThirdLines(random: Random): { language: TextLanguage; lines: string[] } {
  const language: TextLanguage = random.next() < 0.5 ? "de" : "en";
  const place = random.pick(PLACES);
  if (random.next() < 0.5) {
    const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
    const role = random.pick(language === "de" ? ROLES_DE : ROLES_EN);
    return { language, lines: random.next() < 0.5 ? [name, `${role}, ${place}`] : [name, role] };
  }
  const headline = random.pick(language === "de" ? HEADLINES_DE : HEADLINES_EN).replace("{p}", place);
  return { language, lines: random.next() < 0.5 ? [headline] : [headline, place] };
}

/** A ticker's text: headlines between "+++", as channels run them. */
export function tickerText(random: Random): string {
  const items = [0, 1, 2].map(() =>
    random.pick([...HEADLINES_DE, ...HEADLINES_EN]).replace("{p}", random.pick(PLACES)),
  );
  return `+++ ${items.join(" +++ ")} +++`;
}
