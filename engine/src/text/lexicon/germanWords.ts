/**
 * Common German words, lower case with umlauts and ß: what word segmentation may split a run-on
 * into and what makes a lower-case word a word rather than a fragment. A compact list curated for
 * Sichter from general and news vocabulary (no third-party word list; same licence as the project).
 * Names are left out on purpose: a name is kept whole, never split.
 */
export const GERMAN_WORDS = `
ab abend aber abgeordnete abstimmung alle allein alles als alt alte alter am amt an andere anfang
angriff anklage anschlag antrag antwort anwohner arbeit arbeiter arbeitslos arzt ärztin ärzte
auch auf aufgabe ausbau ausschuss aus außen ausstellung auto autobahn bahn bahnhof bau bauer
bauern bauernverband baustelle beamte bedeutung behörde bei beide beim bericht berufung besuch
betrieb bevölkerung bewohner bezirk bild bildung bis bischof blick boden brand brief brücke bund
bundes bundesland bundesrat bundestag bundeswehr bürger bürgermeister bürgermeisterin büro
chef chefin dach damit dank darf das dass dauer debatte dem demo demonstration den denn der des
deutsch deutsche deutschland dich die dienst dies diese dieser doch dorf dort drei dritte du
durch ehrenamt eigene ein eine einer eines einsatz eltern ende energie entscheidung entwicklung
er ergebnis erklärung ernte erste es etwa euro europa fahrer fahrt fall familie fest feuer
feuerwehr film finanzen firma fischer flughafen flut folge forderung forschung fortschritt
frage frau frauen frei freiheit freitag frieden früh frühling für fußball gast gebäude gegen
gegner geld gemeinde gericht gesellschaft gesetz gespräch gesperrt gesundheit gewalt gipfel
gleich glück gottesdienst grenze groß große grund gruppe gut hafen halle hand handel haus hause
haushalt heim heimat heute hier hilfe hitze hoch hochwasser hof hotel hund ihr im immer in
industrie information innen insel ist jahr jahre jahrhundert jetzt jugend jung junge justiz
kampf kanzler kanzlerin kapitän karte kasse kauf kein keine kind kinder kirche klage klima
klinik klinikum kommission kommune könig konferenz kongress kontrolle kosten kraft krankenhaus
krieg krise kritik kultur kunst kurs land landes landrat landtag lang lange lärm leben lehrer
leistung leiter leiterin leute licht liga linie live lohn luft macht mann markt mehr mehrheit
meister mensch menschen miete minister ministerin ministerium mit mittag mittwoch montag morgen
museum musik mutter nach nacht nachrichten nähe name natur neben neu neue nicht noch nord
norden nur ober oder offen öffentlich öffentliche ohne ort osten paar park partei petition platz
plenarsaal politik polizei polizist post präsident präsidentin preis presse prozess prüfung rat
rathaus recht rede regen regierung region reise rente republik rettung richter ring rund runde
sache saison samstag schaden schiff schule schüler schutz schwer see sein seit sender sendung
sieg sitzung sonder sonntag spiel spieler sport sprecher sprecherin staat staats stadt stadtrat
start stau stelle steuer stimme strafe straße straßen streik strom stunde sturm süd süden tag
tage tages team technik teil thema tier tod tor trainer trauer treffen trotz tür über
überblick uhr um umwelt und unfall uni universität unter urteil verband verein verkehr verlag
verletzt verlängert versammlung vertrag verwaltung viel vom von vor vorsitzende vorsitzender
wahl wahlen wald wand wasser weg weil welt wende wenig werk westen wetter wieder winter wir
wirtschaft woche wohnung zeit zeitung zentrum ziel zu zug zum zur zwei zwischen
gesperrt voll stimmt zu fordern fordert verlängert entgleist geschlossen eröffnet gewählt
`
  .split(/\s+/)
  .filter((w) => w.length > 0);

/**
 * Verb forms that headlines are made of ("Schulen bleiben geschlossen", "Bahn erhöht Preise"). A
 * compound never has one inside, so one of them after the first piece shows a run-on sentence.
 * Short forms ("ist", "hat", "war") are left out: they end too many words ("Realist").
 */
export const GERMAN_VERBS = `
bleiben bleibt geschlossen gesperrt eröffnet gewählt fordern fordert stimmt verlängert entgleist
steigt steigen sinkt sinken kommt kommen beginnt beginnen endet enden droht drohen warnt warnen
erhöht erhöhen sagen werden waren haben geben streiken streikt
`
  .split(/\s+/)
  .filter((w) => w.length > 0);
