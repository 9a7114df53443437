'use strict';
const { describe, expect, it } = require('@jest/globals');
const { DynamoDBClient, ListTablesCommand } = require('@aws-sdk/client-dynamodb');
const { startDynaliteProcess } = require('./dynalite-child.cjs');

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('startDynaliteProcess', () => {
  it('serves the DynamoDB API from a process of its own and is gone once stopped', async () => {
    const dynamodb = await startDynaliteProcess({ host: '127.0.0.1', port: 0 });
    const client = new DynamoDBClient({
      endpoint: dynamodb.endpoint,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    const { TableNames } = await client.send(new ListTablesCommand({}));
    client.destroy();
    await dynamodb.stop();

    expect(dynamodb.pid).not.toBe(process.pid);
    expect(TableNames).toEqual([]);
    expect(alive(dynamodb.pid)).toBe(false);
  });

  it('fails with the address when the port is taken', async () => {
    const first = await startDynaliteProcess({ host: '127.0.0.1', port: 0 });
    const port = Number(new URL(first.endpoint).port);

    await expect(startDynaliteProcess({ host: '127.0.0.1', port })).rejects.toThrow(`127.0.0.1:${port}`);
    await first.stop();
  });
});
