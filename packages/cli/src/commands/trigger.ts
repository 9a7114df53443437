import { writeFile } from 'node:fs/promises';
import { conversationIdOf } from '@genesys-events/core';
import type { Command } from 'commander';
import { CliError } from '../cli/errors';
import { type CliIo, resolveFile } from '../cli/io';
import { type CredentialOptions, collect, type TargetOptions, withCredentials, withTarget } from '../cli/options';
import { printJson, printLine, report } from '../cli/output';
import { loadSettings, type Settings } from '../config/settings';
import { FIXTURES, findFixture } from '../fixtures/catalog';
import { conversationScript } from '../fixtures/conversation-script';
import { applyAssignments, parseAssignment } from '../fixtures/set-path';
import { DEFAULT_TRANSPORT, liveContext, type TriggerEvent, topicNameOf, wireBody } from '../fixtures/trigger-event';
import { type Answer, describeAnswer } from '../http/post';
import { parseTransport, TRANSPORTS, type Transport } from '../http/transports';
import { failUnlessAccepted, type SendResult, sendBody } from './send';

interface TriggerOptions extends TargetOptions, CredentialOptions {
  readonly set: readonly string[];
  readonly transport?: string;
  readonly list?: boolean;
  readonly dryRun?: boolean;
  readonly out?: string;
}

/**
 * What one triggered event was and what became of it.
 *
 * @example
 * ```ts
 * const triggered: TriggeredEvent = { event: 'acw', topic, transport: 'eventbridge', path, status: 200, answer };
 * ```
 */
export interface TriggeredEvent extends SendResult {
  readonly event: string;
  readonly topic: string;
  readonly conversationId?: string;
}

/**
 * The conversation an event belongs to, read the way the consumers read it.
 *
 * @example
 * ```ts
 * conversationOf(event); // '6f1c...'
 * ```
 */
export const conversationOf = (event: TriggerEvent): string | undefined =>
  conversationIdOf({ topicName: topicNameOf(event), eventBody: event.body });

/** The JSON text of an event for a transport, ready to sign. */
const wireText = (event: TriggerEvent, transport: Transport, settings: Settings): string =>
  JSON.stringify(wireBody(event, { transport, partnerSource: settings.partnerSource, context: liveContext }));

const triggerOne = async (
  event: TriggerEvent,
  { transport, settings, options }: { transport: Transport; settings: Settings; options: TriggerOptions },
): Promise<{ result: TriggeredEvent; answer: Answer }> => {
  const body = wireText(event, transport, settings);
  const { result, answer } = await sendBody({ body, transport, settings, options });
  const conversationId = conversationOf(event);
  const identity = { event: event.name, topic: topicNameOf(event), ...(conversationId ? { conversationId } : {}) };
  return { result: { ...identity, ...result }, answer };
};

const eventsFor = (name: string): TriggerEvent[] =>
  name === 'conversation' ? conversationScript(liveContext) : [findFixture(name).build(liveContext)];

const printList = (io: CliIo): void => {
  const width = Math.max(...FIXTURES.map((fixture) => fixture.name.length)) + 2;
  printLine(io, `${'EVENT'.padEnd(width)}${'DEFAULT TRANSPORT'.padEnd(17)}  ALSO KNOWN AS`);
  printLine(
    io,
    `${'conversation'.padEnd(width)}${'eventbridge'.padEnd(17)}  (a whole call, in order, on one conversation id)`,
  );
  for (const fixture of FIXTURES) {
    const transport = DEFAULT_TRANSPORT[fixture.family].padEnd(17);
    printLine(io, `${fixture.name.padEnd(width)}${transport}  ${fixture.aliases.join(', ')}`.trimEnd());
  }
};

/**
 * `genesys-events trigger <event>`: builds a realistic event with fresh ids (or a whole conversation), applies
 * `--set` overrides and sends it over its default transport or `--transport`.
 *
 * @example
 * ```ts
 * registerTrigger(program, io); // genesys-events trigger customer.end --set conversationId=... --json
 * ```
 */
export const registerTrigger = (program: Command, io: CliIo): Command =>
  withCredentials(
    withTarget(
      program
        .command('trigger')
        .description('send a realistic event of the catalog with fresh ids, or a whole conversation')
        .argument(
          '[event]',
          'an event name (customer.end, transcription, Text, conversation:created, ...) or "conversation"',
        )
        .option('--set <path=value>', 'set a field of the event body by dot path (repeatable)', collect, [])
        .option('--transport <transport>', `override the route: ${TRANSPORTS.join(', ')}`)
        .option('--list', 'list the events that can be triggered')
        .option('--dry-run', 'print the bodies that would be sent, one JSON line each, and send nothing')
        .option('--out <file>', 'write those lines to a file instead (an NDJSON file for replay); sends nothing'),
    ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  genesys-events trigger customer.end --set conversationId=$(uuidgen)\n  genesys-events trigger conversation --json',
    )
    .action(async (name: string | undefined, options: TriggerOptions) => {
      if (options.list) return printList(io);
      if (!name) throw new CliError('name an event to trigger, or pass --list', { exitCode: 2 });
      const assignments = options.set.map(parseAssignment);
      const events = eventsFor(name).map((event) => applyAssignments(event, assignments));
      const settings = loadSettings(io);
      const transportOf = (event: TriggerEvent): Transport =>
        options.transport ? parseTransport(options.transport) : DEFAULT_TRANSPORT[event.family];
      if (options.dryRun || options.out !== undefined) {
        const lines = events.map((event) => `${wireText(event, transportOf(event), settings)}\n`);
        return printOrSave(io, lines, options.out);
      }
      const results: TriggeredEvent[] = [];
      let refused: Answer | undefined;
      for (const event of events) {
        const { result, answer } = await triggerOne(event, { transport: transportOf(event), settings, options });
        results.push(result);
        const line = `${result.event} -> ${result.path}: ${describeAnswer(answer)}`;
        // A conversation keeps stdout for its id; a single event's answer is the result itself.
        if (!options.json) (events.length > 1 ? report : printLine)(io, line);
        // Later events of a conversation make no sense without this one: stop here.
        if (answer.status < 200 || answer.status > 299) {
          refused = answer;
          break;
        }
      }
      printOutcome(io, { name, results, json: options.json === true });
      if (refused) failUnlessAccepted(refused);
    });

const printOrSave = async (io: CliIo, lines: string[], out: string | undefined): Promise<void> => {
  if (out === undefined) {
    io.stdout.write(lines.join(''));
    return;
  }
  // A file, because `npm run` and `pnpm` print lines of their own on standard output.
  await writeFile(resolveFile(io, out), lines.join(''));
  report(io, `wrote ${lines.length} event(s) to ${out}`);
};

const printOutcome = (
  io: CliIo,
  { name, results, json }: { name: string; results: TriggeredEvent[]; json: boolean },
) => {
  if (name !== 'conversation') {
    const [result] = results;
    if (json) printJson(io, result);
    else if (result?.conversationId) printLine(io, `conversation ${result.conversationId}`);
    return;
  }
  const conversationId = results[0]?.conversationId;
  const accepted = results.filter((result) => result.status >= 200 && result.status < 300).length;
  if (json) printJson(io, { conversationId, sent: results.length, accepted, events: results });
  else printLine(io, conversationId ?? '');
};
