// Types for the untyped CommonJS modules the bench uses.

declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
  }

  /** Creates an in-memory DynamoDB API server (call `listen` on it). */
  export default function dynalite(options?: DynaliteOptions): Server;
}

declare module '@genesys-events/local-stack/create-tables.cjs' {
  /** Creates every AWS::DynamoDB::Table of CloudFormation `resources` and answers their names. */
  export function createTables(input: {
    endpoint: string;
    resources: Record<string, unknown>;
    region: string;
  }): Promise<string[]>;
}
