/** The engine's version: what `engines.sichter` ranges of extension manifests are checked against. */
export const ENGINE_VERSION = "0.1.0";
