import * as z from 'zod/mini';
import { openEnum, type SchemaMode } from './open-enum';

/**
 * The topic pattern of transcription events.
 *
 * @example
 * ```ts
 * TRANSCRIPTION_PATTERN; // 'v2.conversations.{id}.transcription'
 * ```
 */
export const TRANSCRIPTION_PATTERN = 'v2.conversations.{id}.transcription';

/**
 * Who spoke an utterance: the customer side (`EXTERNAL`) or the agent side (`INTERNAL`).
 *
 * @example
 * ```ts
 * TRANSCRIPT_CHANNELS; // ['EXTERNAL', 'INTERNAL']
 * ```
 */
export const TRANSCRIPT_CHANNELS = ['EXTERNAL', 'INTERNAL'] as const;

/**
 * The state of the transcription session an event reports.
 *
 * @example
 * ```ts
 * TRANSCRIPTION_STATUSES; // ['SESSION_ONGOING', 'SESSION_ENDED']
 * ```
 */
export const TRANSCRIPTION_STATUSES = ['SESSION_ONGOING', 'SESSION_ENDED'] as const;

const text = z.optional(z.string());
const millis = z.optional(z.number());

const word = z.looseObject({ confidence: millis, offsetMs: millis, durationMs: millis, word: text });

const schemaFor = <M extends SchemaMode>(mode: M) =>
  z.looseObject({
    /** ISO 8601, unlike the epoch milliseconds of conversation detail events. */
    eventTime: text,
    organizationId: text,
    conversationId: text,
    communicationId: text,
    sessionStartTimeMs: millis,
    transcriptionStartTimeMs: millis,
    transcripts: z.optional(
      z.array(
        z.looseObject({
          utteranceId: text,
          isFinal: z.optional(z.boolean()),
          channel: z.optional(openEnum(mode, TRANSCRIPT_CHANNELS)),
          alternatives: z.optional(
            z.array(
              z.looseObject({
                confidence: millis,
                offsetMs: millis,
                durationMs: millis,
                transcript: text,
                words: z.optional(z.array(word)),
                decoratedTranscript: text,
                decoratedWords: z.optional(z.array(word)),
              }),
            ),
          ),
          engineProvider: text,
          engineId: text,
          dialect: text,
        }),
      ),
    ),
    status: z.optional(z.looseObject({ status: z.optional(openEnum(mode, TRANSCRIPTION_STATUSES)), offsetMs: millis })),
  });

/**
 * The body schema of `v2.conversations.{id}.transcription` events, in both modes.
 *
 * @example
 * ```ts
 * transcriptionEventSchemas.strict.parse({ eventTime: '2025-03-14T09:27:10.250Z', status: { status: 'SESSION_ENDED' } });
 * ```
 */
export const transcriptionEventSchemas = { strict: schemaFor('strict'), lenient: schemaFor('lenient') } as const;

/**
 * The typed body of a transcription event.
 *
 * @example
 * ```ts
 * const finals = (body: TranscriptionEventBody) => body.transcripts?.filter((t) => t.isFinal) ?? [];
 * ```
 */
export type TranscriptionEventBody = z.infer<typeof transcriptionEventSchemas.strict>;
