/** An OpenAPI operation as the runner needs it, taken from a dereferenced source description. */

/** `querystring` (OpenAPI 3.2): one value that is the whole query string. */
export type ParameterLocation = 'path' | 'query' | 'querystring' | 'header' | 'cookie';

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
  /** Required by OpenAPI, optional in AsyncAPI. */
  default?: string;
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
  requestBody?: RequestBodyInfo;
  /** JSON pointer of the Operation Object inside its OpenAPI document. */
  pointer: string;
  /** Security requirements in effect (operation-level, else the document's), with the source's schemes. */
  security?: OperationSecurity;
  /** Declared responses, for the response checks (issue 13). */
  responses?: OperationResponses;
  /** `name=value` pairs from the path key's fragment (`/#Action=AttachInstances`): always sent. */
  fixedQuery?: ReadonlyArray<readonly [string, string]>;
  /** Bare names from the path key's fragment (`/{Bucket}#uploads`): sent empty unless the step gives a value. */
  flagQuery?: readonly string[];
}

export interface RequestBodyInfo {
  required: boolean;
  contentTypes: readonly string[];
  /** The schema dialect (as for responses) and each media type's dereferenced schema, for the request checks of arazzo test and mock. */
  dialect?: '2.0' | '3.0' | '3.1';
  schemas?: Readonly<Record<string, unknown>>;
}

export interface OperationResponses {
  /** The schema dialect: Swagger 2.0 and OpenAPI 3.0 (nullable, draft-4 style) or 3.1 (JSON Schema 2020-12). */
  dialect: '2.0' | '3.0' | '3.1';
  /** Status key as written, upper-cased ("200", "2XX", "DEFAULT") → media type → schema (undefined: none). */
  byStatus: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** An OpenAPI Security Scheme Object (Swagger 2.0 securityDefinitions mapped onto it). */
export interface SecurityScheme {
  type: string;
  /** apiKey: the header, query parameter or cookie name. */
  name?: string;
  in?: string;
  /** http: basic, bearer, digest, ... (lower-cased). */
  scheme?: string;
  /** oauth2: the client-credentials flow's token URL (Swagger 2.0 `application` flow too). */
  tokenUrl?: string;
  /** openIdConnect: the discovery document's URL. */
  openIdConnectUrl?: string;
}

/** One alternative of a Security Requirement list: scheme name → scopes; all of them apply together. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface OperationSecurity {
  /** The alternatives (any one suffices); an empty alternative means "no credentials needed". */
  requirements: readonly SecurityRequirement[];
  /** Every scheme the source declares (shared by its operations), for x-security's schemeName. */
  schemes: Readonly<Record<string, SecurityScheme>>;
}
