/**
 * Sichter's private XMP schema on Premiere project items: what Sichter itself wrote there, so a
 * second apply replaces exactly that and never what an editor or another tool wrote. The namespace
 * is an identifier only (the reserved .invalid domain never resolves).
 */
export const SICHTER_XMP_NAMESPACE = "http://ns.sichter.invalid/premiere/1.0/";
export const SICHTER_XMP_PREFIX = "sichterPremiere";
/** Bag of marker ledger entries (see `encodeLedgerEntry`). */
export const SICHTER_MARKERS_PROPERTY = "markers";
/** Bag of the dc:subject keywords Sichter added (those already there were someone else's). */
export const SICHTER_KEYWORDS_PROPERTY = "keywords";

/** The schemas the Premiere shells write into. */
export const DC_NAMESPACE = "http://purl.org/dc/elements/1.1/";
export const PREMIERE_PROJECT_METADATA_NAMESPACE = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";

/** The project column Sichter adds: its property name in the project metadata schema, and its label. */
export const KEYWORDS_COLUMN_PROPERTY = "SichterKeywords";
export const KEYWORDS_COLUMN_LABEL = "Sichter Keywords";
