/** Rules for the XMP fields every writer fills (the engine's sidecar and embed, the hosts' own XMP APIs). */
export { type DescriptionWrite, descriptionWrite } from "./descriptionWrite.ts";
