/** The contribution id in package.json; errors name the provider by it. */
export const OPENAI_VISION_PROVIDER_ID = "sichter.openai-vision";
