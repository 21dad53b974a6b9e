/** An OpenAPI operation as the runner needs it, taken from a dereferenced source description. */

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface OperationParameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** OpenAPI style; defaults per location are applied by the serializer when absent. */
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  /** The (dereferenced) JSON Schema, used to type values and pick array/object handling. */
  schema?: unknown;
  /** When the parameter uses `content` instead of `schema`: its single media type. */
  contentType?: string;
}

export interface ServerVariable {
  default: string;
  enum?: string[];
}

export interface OperationServer {
  url: string;
  variables?: Readonly<Record<string, ServerVariable>>;
}

export interface ResolvedOperation {
  /** Name of the source description the operation comes from. */
  sourceName: string;
  operationId?: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template as written in the OpenAPI document, e.g. /snapshots/{id}. */
  path: string;
  /** Effective servers: operation-level, else path-level, else document-level. */
  servers: readonly OperationServer[];
  parameters: readonly OperationParameter[];
  requestBody?: { required: boolean; contentTypes: readonly string[] };
  /** JSON pointer of the Operation Object inside its OpenAPI document. */
  pointer: string;
}
