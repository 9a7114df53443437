import type { BuiltFunction } from '../build-functions';
import type { ScaleFigures } from '../parts/analytics-scale/scale-part';
import type { ColdStartFigures } from '../parts/cold-start';
import type { ConsumerFigures } from '../parts/consumers';
import type { IngestResult } from '../parts/ingest';
import type { LocalLoopFigures } from '../parts/local-loop';
import type { LocalThroughputFigures } from '../parts/local-throughput';

/** Everything one run measured; a part that failed is missing and named in `errors`. */
export interface BenchResults {
  readonly short: boolean;
  readonly functions: readonly BuiltFunction[];
  /** The bytes of the Powertools layer's modules, which every function loads besides its bundle. */
  readonly powertoolsLayerBytes: number;
  ingest?: IngestResult;
  consumers?: Record<string, ConsumerFigures>;
  coldStart?: Record<string, ColdStartFigures>;
  localLoop?: LocalLoopFigures;
  localThroughput?: LocalThroughputFigures;
  analyticsScale?: ScaleFigures[];
  readonly errors: Record<string, string>;
}
