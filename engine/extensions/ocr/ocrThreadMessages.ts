import type { ErrorCode, ErrorParams } from "@sichter/engine/extension-api";
import type { OcrModelPaths } from "./ocrModels.ts";
import type { FrameReading, ReadFrameOptions } from "./readFrame.ts";

/** A picture as it crosses to the OCR thread: its pixels are transferred, not copied. */
export interface PictureMessage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/**
 * Requests to the OCR thread. They are answered in the order sent; a run's readings reuse the
 * recognitions of that run's previous reading, which the thread keeps until `end`.
 */
export type OcrThreadRequest =
  | { readonly type: "load"; readonly id: number; readonly models: OcrModelPaths | undefined }
  | {
      readonly type: "read";
      readonly id: number;
      readonly run: number;
      readonly frame: PictureMessage;
      /** The frame at detection size, as `detectionImage` made it. */
      readonly small: PictureMessage;
      readonly options: ReadFrameOptions;
    }
  | { readonly type: "end"; readonly run: number };

export type OcrThreadReply =
  | { readonly id: number; readonly ok: true; readonly reading?: FrameReading }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly code?: ErrorCode; readonly params?: ErrorParams; readonly message: string };
    };
