import { SimApiObject } from "./SimApiObject.ts";
import type { SimProjectManager } from "./SimProject.ts";
import type { VersionFields } from "./simVersion.ts";

export const RESOLVE_PAGES = ["media", "cut", "edit", "fusion", "color", "fairlight", "deliver"] as const;

/** The `resolve` object scripts start from. */
export class SimResolve extends SimApiObject {
  page: string = "edit";

  constructor(
    private readonly projectManager: SimProjectManager,
    private readonly version: VersionFields,
    private readonly product: string,
  ) {
    super();
  }

  GetProjectManager(): SimProjectManager {
    return this.projectManager;
  }

  GetProductName(): string {
    return this.product;
  }

  GetVersion(): (number | string)[] {
    return [...this.version];
  }

  GetVersionString(): string {
    const [major, minor, patch, build, suffix] = this.version;
    return `${major}.${minor}.${patch}${suffix}.${build}`;
  }

  GetCurrentPage(): string {
    return this.page;
  }

  OpenPage(name: unknown): boolean {
    if (!(RESOLVE_PAGES as readonly unknown[]).includes(name)) return false;
    this.page = name as string;
    return true;
  }
}
