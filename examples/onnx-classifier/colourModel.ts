/**
 * A tiny ONNX classifier for tests, hand-encoded as protobuf (onnx.proto's ModelProto) so no model
 * file and no protobuf library are needed: ReduceMean over H and W of the [1, 3, S, S] input gives
 * the mean normalised R, G, B; a constant MatMul + Add turns them into 3 logits; Softmax makes them
 * probabilities. Classes in order: red, green, blue.
 */

type Field = Uint8Array;

function varint(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return bytes;
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** Wire type 0: an integer field. */
const int = (field: number, value: number): Field => Uint8Array.from([...varint(field << 3), ...varint(value)]);
/** Wire type 2: bytes, a string or an embedded message. */
const bytes = (field: number, value: Uint8Array): Field =>
  concat([Uint8Array.from([...varint((field << 3) | 2), ...varint(value.length)]), value]);
const str = (field: number, value: string): Field => bytes(field, new TextEncoder().encode(value));
const message = (field: number, ...fields: Field[]): Field => bytes(field, concat(fields));

const FLOAT = 1; // TensorProto.DataType.FLOAT
const ATTRIBUTE_INT = 2;
const ATTRIBUTE_INTS = 7;

/** ValueInfoProto { name, type: TypeProto { tensor_type { elem_type, shape { dim { dim_value } } } } } */
function valueInfo(field: number, name: string, dims: readonly number[]): Field {
  const shape = message(2, ...dims.map((d) => message(1, int(1, d))));
  return message(field, str(1, name), message(2, message(1, int(1, FLOAT), shape)));
}

/** TensorProto { dims, data_type, name, raw_data } with float32 values. */
function initializer(name: string, dims: readonly number[], values: readonly number[]): Field {
  const raw = new Uint8Array(Float32Array.from(values).buffer);
  return message(5, ...dims.map((d) => int(1, d)), int(2, FLOAT), str(8, name), bytes(9, raw));
}

/** NodeProto { input, output, name, op_type, attribute } */
function node(op: string, inputs: readonly string[], outputs: readonly string[], attributes: Field[] = []): Field {
  return message(
    1,
    ...inputs.map((i) => str(1, i)),
    ...outputs.map((o) => str(2, o)),
    str(3, op.toLowerCase()),
    str(4, op),
    ...attributes,
  );
}

/** AttributeProto with `ints` or `i`. */
const intsAttribute = (name: string, values: readonly number[]): Field =>
  message(5, str(1, name), ...values.map((v) => int(8, v)), int(20, ATTRIBUTE_INTS));
const intAttribute = (name: string, value: number): Field =>
  message(5, str(1, name), int(3, value), int(20, ATTRIBUTE_INT));

/** The model's bytes: input "image" float32 [1, 3, size, size], output "probabilities" [1, 3]. */
export function colourModel(size: number): Uint8Array {
  const weight = 4; // mean channel value x 4 = that class's logit
  const graph = [
    node("ReduceMean", ["image"], ["mean"], [intsAttribute("axes", [2, 3]), intAttribute("keepdims", 0)]),
    node("MatMul", ["mean", "weights"], ["product"]),
    node("Add", ["product", "bias"], ["logits"]),
    node("Softmax", ["logits"], ["probabilities"], [intAttribute("axis", 1)]),
    str(2, "colour"),
    initializer("weights", [3, 3], [weight, 0, 0, 0, weight, 0, 0, 0, weight]),
    initializer("bias", [3], [0, 0, 0]),
    valueInfo(11, "image", [1, 3, size, size]),
    valueInfo(12, "probabilities", [1, 3]),
  ];
  // ModelProto { ir_version, producer_name, graph, opset_import { domain "", version 13 } }
  return concat([int(1, 7), str(2, "sichter-test"), message(7, ...graph), message(8, str(1, ""), int(2, 13))]);
}
