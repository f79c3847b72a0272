/**
 * Base of every object the simulated API hands out (Resolve, ProjectManager, Project, MediaPool,
 * Folder, MediaPoolItem, Timeline, TimelineItem), so the promise flavour knows what to wrap.
 */
export abstract class SimApiObject {}
