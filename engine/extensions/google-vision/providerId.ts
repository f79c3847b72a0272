/** The contribution id in package.json; errors name the provider by it. */
export const GOOGLE_VISION_PROVIDER_ID = "sichter.google-vision";
