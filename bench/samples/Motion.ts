import type { Look } from "./Looks.ts";
import type { PlacedShot } from "./Timeline.ts";

/**
 * Camera motion named from the camera's point of view: "pan-right" means the camera turns right,
 * so the picture content moves left; "tilt-down" means the camera tilts down, content moves up;
 * "zoom-in" magnifies. "static" is a locked-off camera, even when something moves inside the frame.
 */
export type CameraMotion =
  "static" | "pan-left" | "pan-right" | "tilt-up" | "tilt-down" | "zoom-in" | "zoom-out" | "handheld";

/**
 * The one motion that describes the shot, or undefined when no single word is true (generated
 * patterns such as life or a fractal zoom, or a pan that changes direction). Only pan and zoom
 * looks are cameras; bars and insets stand still.
 */
export function cameraMotion(shot: PlacedShot): CameraMotion | undefined {
  return motionOf(shot.spec.look, shot.spec.frames);
}

function motionOf(look: Look, frames: number): CameraMotion | undefined {
  switch (look.kind) {
    case "bars":
    case "inset":
      return "static";
    case "zoom": {
      const from = look.move.from ?? 1;
      // The look creeps in slowly around its move: a zoom out must fill most of the shot to be one.
      if (look.move.to > from) return "zoom-in";
      return look.move.frames >= frames / 2 ? "zoom-out" : undefined;
    }
    case "pan": {
      const [dx, dy] = [0, 1].map(
        (axis) =>
          (look.drift?.[axis] ?? 0) * frames + (look.move ? (look.move.velocity[axis] ?? 0) * look.move.frames : 0),
      ) as [number, number];
      const moves = look.move !== undefined || (look.drift ?? [0, 0]).some((v) => v !== 0);
      if (look.shake) return moves ? undefined : "handheld";
      if (!moves) return "static";
      // A pan with a little drift on the other axis is still a pan; a diagonal is neither.
      if (Math.abs(dx) >= 4 * Math.abs(dy)) return dx > 0 ? "pan-right" : "pan-left";
      if (Math.abs(dy) >= 4 * Math.abs(dx)) return dy > 0 ? "tilt-down" : "tilt-up";
      return undefined;
    }
    default:
      return undefined;
  }
}
