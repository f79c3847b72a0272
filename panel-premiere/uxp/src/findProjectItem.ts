import type { FolderItem, Project, ProjectItem, premierepro } from "@adobe/premierepro";

/**
 * The project's clip item for a media file: the one with the host id the panel was given, else the
 * first whose media path matches. Bins are searched depth first (a bin's ProjectItem needs
 * `FolderItem.cast` for its items, which come as a promise).
 */
export async function findProjectItem(
  ppro: premierepro,
  project: Project,
  wanted: { readonly hostItemId?: string; readonly mediaPath: string },
): Promise<ProjectItem | null> {
  const root = await project.getRootItem();
  let byPath: ProjectItem | null = null;
  const visit = async (folder: FolderItem): Promise<ProjectItem | null> => {
    for (const item of await folder.getItems()) {
      if (item.type === ppro.ProjectItem.TYPE_BIN) {
        const found = await visit(ppro.FolderItem.cast(item));
        if (found) return found;
        continue;
      }
      if (item.type !== ppro.ProjectItem.TYPE_CLIP) continue;
      if (wanted.hostItemId !== undefined && item.getId() === wanted.hostItemId) return item;
      if (byPath === null && (await ppro.ClipProjectItem.cast(item).getMediaFilePath()) === wanted.mediaPath)
        byPath = item;
    }
    return null;
  };
  return (await visit(root)) ?? byPath;
}
