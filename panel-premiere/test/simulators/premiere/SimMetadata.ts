import type { Action, ProjectItem } from "@adobe/premierepro";
import { XmpDocument } from "../xmp/XmpDocument.ts";
import type { ActionGate } from "./ActionGate.ts";
import { createAction } from "./SimAction.ts";
import { SimClipItem, unwrapItem } from "./SimProjectItem.ts";
import { SimulatorError } from "./SimulatorError.ts";

export const PROJECT_METADATA_NAMESPACE = "http://ns.adobe.com/premierePrivateProjectMetaData/1.0/";

/** `Metadata.METADATA_TYPE_*`, the numbers of `Constants.MetadataType`. */
export const METADATA_TYPES = {
  METADATA_TYPE_INTEGER: 0,
  METADATA_TYPE_REAL: 1,
  METADATA_TYPE_TEXT: 2,
  METADATA_TYPE_BOOLEAN: 3,
} as const;

export interface SchemaProperty {
  readonly label: string;
  readonly type: number;
}

/**
 * `Metadata`: an item's XMP is one packet, read whole and written whole (the set action replaces
 * it: whatever the writer left out is gone). Project metadata holds the Project panel's columns;
 * its set action takes only the fields it is told, and only those the schema knows.
 */
export class SimMetadata {
  readonly schema = new Map<string, SchemaProperty>();
  /** Fields a set-project-metadata action named that the schema does not know (Premiere ignores them). */
  readonly ignoredFields: string[] = [];

  constructor(private readonly gate: ActionGate) {}

  readonly METADATA_TYPE_INTEGER = METADATA_TYPES.METADATA_TYPE_INTEGER;
  readonly METADATA_TYPE_REAL = METADATA_TYPES.METADATA_TYPE_REAL;
  readonly METADATA_TYPE_TEXT = METADATA_TYPES.METADATA_TYPE_TEXT;
  readonly METADATA_TYPE_BOOLEAN = METADATA_TYPES.METADATA_TYPE_BOOLEAN;

  async getXMPMetadata(projectItem: ProjectItem): Promise<string> {
    return clip(projectItem).state.xmp;
  }

  createSetXMPMetadataAction(projectItem: ProjectItem, metadata: string): Action {
    const state = clip(projectItem).state;
    return createAction(this.gate, "Metadata.createSetXMPMetadataAction", () => {
      XmpDocument.parse(metadata); // a packet the toolkit cannot read is refused when committed
      const before = state.xmp;
      state.xmp = metadata;
      return () => {
        state.xmp = before;
      };
    });
  }

  async getProjectMetadata(projectItem: ProjectItem): Promise<string> {
    const document = new XmpDocument();
    for (const [name, value] of clip(projectItem).state.projectMetadata) {
      document.set(PROJECT_METADATA_NAMESPACE, name, { kind: "simple", value });
    }
    return document.serialize();
  }

  createSetProjectMetadataAction(projectItem: ProjectItem, metadata: string, updatedFields: string[]): Action {
    const state = clip(projectItem).state;
    return createAction(this.gate, "Metadata.createSetProjectMetadataAction", () => {
      const document = XmpDocument.parse(metadata);
      const before = new Map(state.projectMetadata);
      for (const field of updatedFields) {
        if (!this.schema.has(field) && !field.startsWith("Column.")) {
          this.ignoredFields.push(field);
          continue;
        }
        const value = document.find(PROJECT_METADATA_NAMESPACE, field)?.value;
        if (value === undefined) state.projectMetadata.delete(field);
        else if (value.kind === "simple") state.projectMetadata.set(field, value.value);
      }
      return () => {
        state.projectMetadata.clear();
        for (const [name, value] of before) state.projectMetadata.set(name, value);
      };
    });
  }

  async addPropertyToProjectMetadataSchema(name: string, label: string, type: number): Promise<boolean> {
    const known = this.schema.get(name);
    if (known) return known.type === type;
    this.schema.set(name, { label, type });
    return true;
  }
}

function clip(projectItem: ProjectItem): SimClipItem {
  const item = unwrapItem(projectItem);
  if (!(item instanceof SimClipItem)) throw new SimulatorError("metadata needs a clip project item");
  return item;
}
