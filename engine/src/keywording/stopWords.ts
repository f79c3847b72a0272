/**
 * Words that never make a keyword on their own and that split multi-word terms ("Minister für
 * Wirtschaft" -> "Minister", "Wirtschaft"). German and English function words, lower case.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `
  der die das den dem des ein eine einer eines einem einen und oder aber doch sondern denn
  in im ins an am auf aus bei mit nach seit von vom zu zum zur für fur über uber unter vor hinter
  neben zwischen durch gegen ohne um bis ab als wie wenn weil dass ob auch noch schon nur nicht kein
  keine ist sind war waren wird werden wurde wurden hat haben hatte hatten sein seine ihr ihre
  er sie es wir ihr man sich dies diese dieser dieses jede jeder jedes mehr sehr so da hier dort
  heute gestern morgen jetzt live uhr
  the a an and or but of in on at to for from by with without into onto over under about after
  before between through during is are was were be been being has have had do does did not no
  this that these those it its he she they we you i his her their our your as than then so such
  very can will would should could may might must here there today yesterday tomorrow now live
  `
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
