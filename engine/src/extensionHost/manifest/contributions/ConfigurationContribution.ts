import { z } from "zod";
import { reportIssue } from "../reportIssue.ts";
import { ConfigurationProperty } from "./ConfigurationProperty.ts";

/** The extension's settings: values live in the user's config and are checked by validateConfiguration. */
export const ConfigurationContribution = z
  .strictObject({
    title: z.string().min(1).max(100).optional(),
    properties: z.record(z.string().min(1).max(100), ConfigurationProperty),
    required: z.array(z.string()).optional(),
  })
  .superRefine((configuration, ctx) => {
    configuration.required?.forEach((name, i) => {
      if (!Object.hasOwn(configuration.properties, name)) {
        reportIssue(
          ctx,
          `the name of a declared property (${Object.keys(configuration.properties).join(", ") || "none declared"})`,
          {
            path: ["required", i],
            found: JSON.stringify(name),
          },
        );
      }
    });
  });
export type ConfigurationContribution = z.infer<typeof ConfigurationContribution>;
