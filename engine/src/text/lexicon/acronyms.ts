/**
 * Short words that are keywords although they have three letters or fewer: parties, broadcasters,
 * institutions, leagues, indices. Written as a newsroom writes them; matched case-insensitively
 * only where the text is in capitals or in this exact spelling ("AfD", "VfB").
 */
export const ACRONYMS: ReadonlySet<string> = new Set(
  `
  SPD CDU CSU FDP AfD BSW NRW ARD ZDF WDR NDR MDR SWR BR HR RBB SR ORF SRF BBC CNN ITV RTL
  EU UN UNO USA US UK DAX ICE DB BVB FC VfB HSV ADAC THW DRK BKA LKA BND EZB EKD DGB IG WHO IOC
  NRA GOP FBI CIA NSA ESA CO2 TV AG KI AI IT OB MP PM CEO DFB DFL ZOB ÖPNV KfW IWF IMF OSZE NHS
  `
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
