/**
 * A deterministic German/English newsroom vocabulary for the search benchmark: base words
 * (with umlauts and ß, as real OCR and keywords have them) plus compounds built from them (about 3,000
 * distinct words), picked with a skew so a few words are common and most are rare.
 */
export const GERMAN_WORDS = [
  "Landtag", "Bundestag", "Bundesrat", "Kanzler", "Kanzlerin", "Minister", "Ministerin", "Präsident", "Bürgermeister",
  "Bürgermeisterin", "Regierung", "Opposition", "Fraktion", "Koalition", "Wahl", "Wahlkampf", "Abstimmung", "Haushalt",
  "Steuer", "Rente", "Gesundheit", "Krankenhaus", "Schule", "Universität", "Polizei", "Feuerwehr", "Unfall", "Brand",
  "Hochwasser", "Überschwemmung", "Sturm", "Gewitter", "Hitze", "Dürre", "Schnee", "Glätte", "Straße", "Autobahn",
  "Brücke", "Bahnhof", "Flughafen", "Hafen", "Gericht", "Prozess", "Urteil", "Anklage", "Demonstration", "Streik",
  "Gewerkschaft", "Arbeitgeber", "Wirtschaft", "Börse", "Inflation", "Energie", "Strom", "Gas", "Windkraft", "Solar",
  "Klima", "Umwelt", "Wald", "Fluss", "Rhein", "Elbe", "Oder", "Donau", "Köln", "München", "Düsseldorf", "Berlin",
  "Hamburg", "Nürnberg", "Würzburg", "Lübeck", "Göttingen", "Saarbrücken", "Osnabrück", "Fußball", "Bundesliga",
  "Pokal", "Stadion", "Trainer", "Spieler", "Tor", "Meisterschaft", "Olympia", "Kultur", "Theater", "Museum", "Konzert",
  "Ausstellung", "Festival", "Kirche", "Schloss", "Rathaus", "Marktplatz", "Weihnachtsmarkt", "Karneval", "Oktoberfest",
  "Pressekonferenz", "Interview", "Straßenumfrage", "Schalte", "Luftbild", "Drohne", "Archiv", "Grafik", "Bauchbinde",
  "Gebäude", "Baustelle", "Wohnung", "Miete", "Mieter", "Verkehr", "Stau", "Zug", "Verspätung", "Krieg", "Frieden",
  "Flüchtlinge", "Grenze", "Zoll", "Außenminister", "Gipfel", "Verhandlung", "Vertrag", "Gesetz", "Verordnung", "Behörde",
  "Ärzte", "Pflege", "Impfung", "Forschung", "Technik", "Digitalisierung", "Netz", "Datenschutz", "Bildung", "Kita",
];

export const ENGLISH_WORDS = [
  "parliament", "election", "government", "minister", "president", "mayor", "budget", "tax", "health", "hospital",
  "school", "police", "fire", "accident", "flood", "storm", "heat", "drought", "snow", "road", "bridge", "station",
  "airport", "harbour", "court", "trial", "verdict", "protest", "strike", "union", "economy", "market", "inflation",
  "energy", "power", "climate", "forest", "river", "football", "stadium", "coach", "player", "goal", "culture",
  "theatre", "museum", "concert", "church", "castle", "town hall", "press conference", "interview", "aerial",
  "drone", "archive", "building", "construction", "housing", "traffic", "train", "delay", "war", "peace", "refugees",
  "border", "summit", "treaty", "law", "research", "technology", "education", "crowd", "speech", "close-up", "wide shot",
];

const SUFFIXES = ["sitzung", "debatte", "wahl", "politik", "gebäude", "gipfel", "bericht", "präsident", "straße", "brücke",
  "verkehr", "schäden", "einsatz", "gespräch", "kosten", "plan", "reform", "streit", "zahlen", "lage"];

/** Small fast seeded PRNG (mulberry32), so every run builds the same archive. */
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

/** Base words plus every German base word + suffix compound ("Landtagssitzung" style, without the Fugen-s). */
export function buildVocabulary(): string[] {
  const compounds = GERMAN_WORDS.flatMap((word) => SUFFIXES.map((suffix) => `${word}${suffix}`));
  return [...GERMAN_WORDS, ...ENGLISH_WORDS, ...compounds];
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Skewed pick: a few words are common, most are rare, as in a real archive (Zipf-like). */
export function pickSkewed<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(items.length * random() ** 2.5)]!;
}
