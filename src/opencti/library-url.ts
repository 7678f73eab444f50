/** Where Salesforce serves the Open CTI Lightning library; shared by the loader and the preload. */

/** The Open CTI API version loaded unless told otherwise (Winter '25). */
export const DEFAULT_OPENCTI_API_VERSION = 62;

/** The URL of the Lightning library on a Salesforce origin. */
export function openCtiScriptUrl(origin: string, apiVersion: number): string {
  return `${origin}/support/api/${apiVersion}.0/lightning/opencti_min.js`;
}
